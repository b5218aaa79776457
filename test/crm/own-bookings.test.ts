import { expect } from 'chai';
import { isSameGuest, SlotTakenError, type SlotOffer } from '../../crm';
import { emptyCrm, msk, request, window } from './fixtures';

// Wednesday 25 November 2026: Ольга and Марина both work at «Тверская» (10:00–22:00).
const slots = (offers: SlotOffer[]): string[] => offers.map((o) => `${o.start.slice(11, 16)} ${o.master}`);
const morning = [window('2026-11-25 09:00', '12:00')];

/** Анна Петрова (C1) has a pedicure with Ольга at 10:00–11:45 on Wednesday. */
async function annaWithAPedicure() {
  const { crm } = emptyCrm();
  const pedicure = await crm.createBooking(request({ services: ['pedicure_gel'], master: 'olga', start: msk('2026-11-25 10:00') }));
  return { crm, pedicure };
}

describe('a guest is never offered or booked a time on top of her own visit', () => {
  it('leaves out, at another master, the times that overlap her own booking', async () => {
    const { crm, pedicure } = await annaWithAPedicure();
    const offers = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'marina', windows: morning, limit: 10, guest: { clientId: pedicure.clientId } });
    // The manicure takes 90 minutes: 10:00 to 11:30 would overlap 10:00–11:45; 12:00 is the first free start.
    expect(slots(offers)).to.deep.equal(['12:00 marina']);
  });

  it('still offers those times to a guest nobody knows, and for the mother she books beside herself', async () => {
    const { crm, pedicure } = await annaWithAPedicure();
    const anyone = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'marina', windows: morning, limit: 10 });
    const forMother = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'marina', windows: morning, limit: 10, guest: { clientId: pedicure.clientId, name: 'Тамара Ивановна' } });
    expect(slots(anyone)).to.deep.equal(['10:00 marina', '10:30 marina', '11:00 marina', '11:30 marina', '12:00 marina']);
    expect(slots(forMother)).to.deep.equal(slots(anyone));
  });

  it('knows her by the contact phone the booking will carry when her client id is not known yet', async () => {
    const { crm } = await annaWithAPedicure();
    const offers = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'marina', windows: morning, limit: 10, guest: { phone: '+79990000001' } });
    const unknownPhone = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'marina', windows: morning, limit: 10, guest: { phone: '+79161112233' } });
    expect(slots(offers)).to.deep.equal(['12:00 marina']);
    expect(unknownPhone).to.have.length(5);
  });

  it('refuses to create a booking of hers that overlaps another of hers, as a taken slot', async () => {
    const { crm } = await annaWithAPedicure();
    const error = await crm.createBooking(request({ services: ['manicure_gel'], master: 'marina', start: msk('2026-11-25 11:00') })).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(SlotTakenError).and.include({ reason: 'taken', detail: 'the guest has another booking at this time' });
    // Her mother's manicure at that time, on the same phone, is a booking of its own.
    const mother = await crm.createBooking(request({ services: ['manicure_gel'], master: 'marina', start: msk('2026-11-25 11:00'), guestName: 'Тамара Ивановна' }));
    expect(mother.status).to.equal('booked');
  });

  it('refuses to move or extend one of her bookings onto another of hers', async () => {
    const { crm } = await annaWithAPedicure();
    const manicure = await crm.createBooking(request({ services: ['manicure_gel'], master: 'marina', start: msk('2026-11-25 12:00') }));
    await crm.createBooking(request({ services: ['manicure_classic'], master: 'olga', start: msk('2026-11-25 13:30') }));
    const moved = await crm.moveBooking(manicure.id, { start: msk('2026-11-25 10:30') }).catch((e: unknown) => e);
    expect(moved).to.be.instanceOf(SlotTakenError).and.include({ reason: 'taken' });
    // A design adds 10 minutes: 12:00–13:40 would run into her 13:30 booking.
    const extended = await crm.addServices(manicure.id, ['nail_design']).catch((e: unknown) => e);
    expect(extended).to.be.instanceOf(SlotTakenError).and.include({ reason: 'taken' });
    expect(await crm.getBooking(manicure.id)).to.include({ start: msk('2026-11-25 12:00'), end: msk('2026-11-25 13:30') });
  });

  it('moves a booking of hers over its own old time', async () => {
    const { crm, pedicure } = await annaWithAPedicure();
    const moved = await crm.moveBooking(pedicure.id, { start: msk('2026-11-25 10:30') });
    expect(moved.start).to.equal(msk('2026-11-25 10:30'));
  });
});

describe('isSameGuest', () => {
  it('compares the first name, case and ё aside', () => {
    expect(isSameGuest('Анна Петрова', 'анна')).to.equal(true);
    expect(isSameGuest('Алёна', 'Алена Смирнова')).to.equal(true);
    expect(isSameGuest('Анна Петрова', 'Тамара Ивановна')).to.equal(false);
    expect(isSameGuest('', '')).to.equal(false);
  });
});

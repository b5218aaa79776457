import { expect } from 'chai';
import { BookingNotActiveError, BookingNotFoundError, CrmError, SlotTakenError } from '../../crm';
import { emptyCrm, msk, request } from './fixtures';

/** The error a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('addServices', () => {
  it('adds a service right after the booked ones, with the same master, and reprices the visit', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), master: 'olga' }));
    const longer = await crm.addServices(booking.id, ['nail_design']);
    expect(longer).to.deep.include({
      id: booking.id, status: 'booked', master: 'olga', services: ['manicure_gel', 'nail_design'],
      start: msk('2026-11-25 10:00'), end: msk('2026-11-25 11:40'), price: Math.round(3050 * 1.3),
    });
    expect(await crm.getBooking(booking.id)).to.deep.equal(longer);
  });

  it('does not add a service the booking already has', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ services: ['manicure_gel', 'nail_design'], start: msk('2026-11-25 10:00') }));
    expect(await crm.addServices(booking.id, ['nail_design'])).to.deep.equal(booking);
  });

  it('throws SlotTakenError when the longer visit would overlap the master\'s next booking', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), master: 'olga' }));
    await crm.createBooking(request({ start: msk('2026-11-25 11:30'), master: 'olga', guestName: 'Вера', phone: '+79161112233' }));
    const error = await rejection(crm.addServices(booking.id, ['nail_design']));
    expect(error).to.be.instanceOf(SlotTakenError).and.include({ reason: 'taken' });
    expect((await crm.getBooking(booking.id))?.services).to.deep.equal(['manicure_gel']);
  });

  it('throws SlotTakenError when the longer visit would end after closing time', async () => {
    const { crm } = emptyCrm();
    // Тверская closes at 22:00; the manicure ends exactly then.
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 20:30'), master: 'olga' }));
    const error = await rejection(crm.addServices(booking.id, ['nail_design']));
    expect(error).to.be.instanceOf(SlotTakenError).and.include({ reason: 'invalid' });
    expect((error as SlotTakenError).detail).to.include('closing time');
  });

  it('refuses a service the master does not do', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), master: 'olga' }));
    const error = await rejection(crm.addServices(booking.id, ['polish_removal']));
    expect(error).to.be.instanceOf(SlotTakenError).and.include({ reason: 'invalid' });
  });

  it('refuses an unknown service, an unknown booking and a cancelled one', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }));
    expect(await rejection(crm.addServices(booking.id, ['massage']))).to.be.instanceOf(CrmError);
    expect(await rejection(crm.addServices('B999', ['nail_design']))).to.be.instanceOf(BookingNotFoundError);
    await crm.cancelBooking(booking.id);
    expect(await rejection(crm.addServices(booking.id, ['nail_design']))).to.be.instanceOf(BookingNotActiveError);
  });
});

import { expect } from 'chai';
import type { SlotOffer } from '../../crm';
import { CONVERSATION, msk, PHONES, salon, when, window } from './fixtures';

const FRIDAY_EVENING = when(window('2026-11-27 18:00', '22:00'));

describe('salon booking actions', () => {
  describe('findFreeSlots', () => {
    it('offers at most five free slots within the preference, with any master', async () => {
      const { run } = salon();
      const { slots } = await run('findFreeSlots', { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', when: FRIDAY_EVENING });
      const offers = slots?.offers as SlotOffer[];
      expect(offers).to.have.length(5);
      expect(offers.every((o) => o.start >= msk('2026-11-27 18:00') && o.start <= msk('2026-11-27 22:00') && o.branch === 'tverskaya')).to.equal(true);
      expect(new Set(offers.map((o) => o.master))).to.deep.equal(new Set(['olga', 'marina']));
    });

    it('offers only the named master', async () => {
      const { run } = salon();
      const { slots } = await run('findFreeSlots', { service: ['manicure_gel'], branch: 'tverskaya', master: 'olga', when: FRIDAY_EVENING });
      expect((slots?.offers as SlotOffer[]).every((o) => o.master === 'olga')).to.equal(true);
    });

    it('with any master, leaves out the master a redo after a complaint is not offered with', async () => {
      const { run } = salon();
      const { slots } = await run('findFreeSlots', { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', avoid_master: 'olga', when: FRIDAY_EVENING });
      const offers = slots?.offers as SlotOffer[];
      expect(offers).to.have.length.within(1, 5);
      expect(offers.every((o) => o.master === 'marina')).to.equal(true);
      expect(offers.map((o) => o.start)).to.deep.equal([...offers.map((o) => o.start)].sort());
    });

    it('finds nothing when only the avoided master does the services there', async () => {
      const { run } = salon();
      const { slots } = await run('findFreeSlots', { service: ['pedicure_gel'], branch: 'patriki', master: 'any', avoid_master: 'svetlana', when: FRIDAY_EVENING });
      expect(slots).to.deep.equal({ offers: undefined, slot: undefined, sooner_than_lead: undefined });
    });

    it('clears the offers, the chosen slot and the lead-time note when nothing is free', async () => {
      const { run } = salon();
      // Ольга does not work on Saturdays.
      const result = await run('findFreeSlots', { service: ['manicure_gel'], branch: 'tverskaya', master: 'olga', when: when(window('2026-11-28 10:00', '22:00')), slot: 'old', offers: [] });
      expect(result.slots).to.deep.equal({ offers: undefined, slot: undefined, sooner_than_lead: undefined });
    });

    it('for a booking being moved, searches its services and master, its own time not counting as taken', async () => {
      const { run, crm, clientOf } = salon();
      const upcoming = await crm.upcomingBookings(await clientOf(PHONES.anna));
      const moving = upcoming[0];
      const { slots } = await run('findFreeSlots', { upcoming, booking: moving.id, when: when({ from: moving.start, to: moving.start }) }, { params: { forBooking: true } });
      expect(slots?.offers).to.deep.equal([{ start: moving.start, end: moving.end, branch: 'tverskaya', master: 'marina', services: ['pedicure_gel'], price: 3600, priceFrom: false, minutes: 105 }]);
    });
  });

  describe('prefillContact', () => {
    it('takes the phone and name of a returning guest from the CRM', async () => {
      const { run, crm, clientOf } = salon();
      const anna = await clientOf(PHONES.anna);
      await crm.linkClientUser(anna, 'telegram', '100');
      expect(await run('prefillContact', { service: ['manicure_gel'] })).to.deep.equal({
        slots: { phone: PHONES.anna, guest_name: 'Анна Петрова' },
        conversation: { clientId: anna, phone: PHONES.anna },
      });
    });

    it('keeps a name the guest gave (booking for someone else) and the guest\'s own phone', async () => {
      const { run } = salon();
      const result = await run('prefillContact', { guest_name: 'Людмила Петровна' }, { conversation: { phone: '+79161234567', name: 'Ирина' } });
      expect(result.slots).to.deep.equal({ phone: '+79161234567' });
    });

    it('takes a new guest\'s name from the channel when it reads as a name', async () => {
      const { run } = salon();
      expect((await run('prefillContact', {}, { conversation: { name: 'Вера' } })).slots).to.deep.equal({ phone: undefined, guest_name: 'Вера' });
      expect((await run('prefillContact', {}, { conversation: { name: 'vera_k_92 🌸' } })).slots).to.deep.equal({ phone: undefined, guest_name: undefined });
    });
  });

  describe('createBooking', () => {
    it('books the chosen slot for Анна Петрова and, her number being the one WhatsApp vouches for, remembers her as this channel\'s client', async () => {
      const { run, crm, clientOf } = salon();
      const found = await run('findFreeSlots', { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', when: FRIDAY_EVENING });
      const offers = found.slots?.offers as SlotOffer[];
      const chosen = offers[0];
      const slots = { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', offers, slot: chosen.start, guest_name: 'Анна Петрова', phone: PHONES.anna, confirmed: true };

      const result = await run('createBooking', slots, { conversation: { verifiedPhone: PHONES.anna } });

      const anna = await clientOf(PHONES.anna);
      const id = result.slots?.created_booking as string;
      expect(result).to.deep.equal({ slots: { created_booking: id, slot_taken: undefined }, conversation: { clientId: anna, phone: PHONES.anna, createdBookings: [id] } });
      expect(await crm.getBooking(id)).to.deep.include({
        status: 'booked', services: ['manicure_gel'], branch: 'tverskaya', master: chosen.master, start: chosen.start, guestName: 'Анна Петрова', clientId: anna, price: chosen.price,
      });
      expect((await crm.findClientByUser(CONVERSATION.channel, CONVERSATION.userId))?.id).to.equal(anna);
    });

    it('books a typed number of a known client without linking this channel user to her', async () => {
      const { run, crm } = salon();
      const found = await run('findFreeSlots', { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', when: FRIDAY_EVENING });
      const offers = found.slots?.offers as SlotOffer[];
      const slots = { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', offers, slot: offers[0].start, guest_name: 'Анна', phone: PHONES.anna, confirmed: true };
      const result = await run('createBooking', slots);
      expect(result.conversation).to.deep.equal({ createdBookings: [result.slots?.created_booking] });
      expect(await crm.findClientByUser(CONVERSATION.channel, CONVERSATION.userId)).to.equal(undefined);
    });

    it('books the master of the offer the guest pressed when two offers share a start', async () => {
      const { run, crm } = salon({ seed: false });
      const found = await run('findFreeSlots', { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', when: when(window('2026-11-27 18:00', '18:00')) });
      const offers = found.slots?.offers as SlotOffer[];
      expect(offers.map((o) => o.master)).to.deep.equal(['olga', 'marina']);
      const result = await run('createBooking', { offers, slot: `${msk('2026-11-27 18:00')}@marina`, guest_name: 'Вера', phone: '+79161112233' });
      expect((await crm.getBooking(result.slots?.created_booking as string))?.master).to.equal('marina');
    });

    it('reports a slot taken meanwhile and forgets it, the offers and the yes', async () => {
      const { run, crm } = salon();
      const found = await run('findFreeSlots', { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', when: FRIDAY_EVENING });
      const offers = found.slots?.offers as SlotOffer[];
      // Another guest books the same master at that time first.
      await crm.createBooking({ services: ['manicure_classic'], branch: 'tverskaya', master: offers[0].master, start: offers[0].start, guestName: 'Вера', phone: '+79161112233' });

      const result = await run('createBooking', { offers, slot: offers[0].start, guest_name: 'Анна Петрова', phone: PHONES.anna, confirmed: true });

      expect(result).to.deep.equal({ slots: { slot_taken: true, slot: undefined, offers: undefined, confirmed: undefined } });
    });

    it('mentions the prepayment of a service that needs one', async () => {
      const { run } = salon({ seed: false });
      const found = await run('findFreeSlots', { service: ['nail_extension'], branch: 'city', master: 'darya', when: FRIDAY_EVENING });
      const offers = found.slots?.offers as SlotOffer[];
      const result = await run('createBooking', { offers, slot: offers[0].start, guest_name: 'Вера', phone: '+79161112233' });
      expect(result.say).to.deep.equal([{ response: 'prepayment_note' }]);
    });
  });

  it('clearSlots forgets the slots it is given', async () => {
    const { run } = salon({ seed: false });
    expect(await run('clearSlots', {}, { params: { slots: ['when', 'slot'] } })).to.deep.equal({ slots: { when: undefined, slot: undefined } });
  });

  it('branchOfMaster takes the salon of the named master, and never overrides a salon the guest named', async () => {
    const { run } = salon({ seed: false });
    expect(await run('branchOfMaster', { master: 'kristina' })).to.deep.equal({ slots: { branch: 'patriki' } });
    expect(await run('branchOfMaster', { master: 'kristina', branch: 'city' })).to.deep.equal({});
    expect(await run('branchOfMaster', { master: 'any' })).to.deep.equal({});
  });

  it('setSlots sets the slots it is given, and nothing for params that are not a map', async () => {
    const { run } = salon({ seed: false });
    expect(await run('setSlots', {}, { params: { slots: { master: 'any' } } })).to.deep.equal({ slots: { master: 'any' } });
    expect(await run('setSlots', {}, { params: { slots: ['master'] } })).to.deep.equal({});
  });

  describe('loadLastVisit', () => {
    it('repeats Анна\'s last visit: gel manicure with Ольга at «Тверская»', async () => {
      const { run, clientOf } = salon();
      expect(await run('loadLastVisit', { client: await clientOf(PHONES.anna) }, { flow: 'repeat_last' })).to.deep.equal({
        slots: { service: ['manicure_gel'], branch: 'tverskaya', master: 'olga' },
        say: [{ response: 'repeat_last_found' }],
      });
    });

    it('keeps a salon the guest names, and drops the master who does not work there', async () => {
      const { run, clientOf } = salon();
      expect(await run('loadLastVisit', { client: await clientOf(PHONES.anna), branch: 'city' }, { flow: 'repeat_last' })).to.deep.equal({
        slots: { service: ['manicure_gel'], branch: 'city', master: undefined },
        say: [{ response: 'repeat_last_changed' }],
      });
    });

    it('says so when the client has no completed visit', async () => {
      const { run, crm } = salon({ seed: false });
      const booked = await crm.createBooking({ services: ['manicure_gel'], branch: 'tverskaya', master: 'olga', start: msk('2026-11-27 18:00'), guestName: 'Вера', phone: '+79161112233' });
      expect(await run('loadLastVisit', { client: booked.clientId }, { flow: 'repeat_last' })).to.deep.equal({ say: [{ response: 'no_last_visit' }] });
    });
  });
});

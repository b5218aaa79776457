import { expect } from 'chai';
import type { Booking, SlotOffer } from '../../crm';
import { input, msk, PHONES, salon, when, window } from './fixtures';

describe('salon change actions', () => {
  describe('loadUpcoming', () => {
    it('chooses the only upcoming booking at once', async () => {
      const { run, clientOf } = salon();
      const { slots } = await run('loadUpcoming', { client: await clientOf(PHONES.anna) }, { flow: 'cancel' });
      const upcoming = slots?.upcoming as Booking[];
      expect(upcoming.map((b) => b.services)).to.deep.equal([['pedicure_gel']]);
      expect(slots?.booking).to.equal(upcoming[0].id);
    });

    it('lets the guest choose among several upcoming bookings (the demo guest Мария)', async () => {
      const { run, clientOf, registry } = salon();
      const { slots } = await run('loadUpcoming', { client: await clientOf(PHONES.maria) }, { flow: 'reschedule' });
      expect(slots?.upcoming).to.have.length(2);
      expect(slots?.booking).to.equal(undefined);
      expect(await registry.buttons.upcomingBookings(input(slots))).to.have.length(2);
    });

    it('says so when there is no upcoming booking', async () => {
      const { run, clientOf } = salon();
      expect(await run('loadUpcoming', { client: await clientOf(PHONES.tatiana) }, { flow: 'cancel' })).to.deep.equal({
        slots: { upcoming: undefined, booking: undefined },
        say: [{ response: 'no_upcoming_bookings' }],
      });
    });
  });

  it('leaves a booking in less than 4 hours to an administrator (the demo guest Екатерина)', async () => {
    const { run, clientOf, registry } = salon();
    const { slots } = await run('loadUpcoming', { client: await clientOf(PHONES.katya) }, { flow: 'cancel' });
    expect(registry.guards.canChangeBooking(input(slots))).to.equal(false);
    expect(await run('handOver', {}, { params: { reason: 'change_too_late' } })).to.deep.equal({ handover: { reason: 'change_too_late' } });
  });

  describe('moveBooking', () => {
    it('moves Анна\'s pedicure to the chosen free slot', async () => {
      const { run, crm, clientOf } = salon();
      const client = await clientOf(PHONES.anna);
      const loaded = await run('loadUpcoming', { client }, { flow: 'reschedule' });
      const found = await run('findFreeSlots', { ...loaded.slots, client, when: when(window('2026-11-25 10:00', '22:00')) }, { params: { forBooking: true } });
      const offers = found.slots?.offers as SlotOffer[];
      const slots = { ...loaded.slots, ...found.slots, slot: offers[0].start, confirmed: true };

      const result = await run('moveBooking', { ...slots, client }, { flow: 'reschedule' });

      const moved = await crm.getBooking(loaded.slots?.booking as string);
      expect(moved).to.deep.include({ status: 'booked', start: offers[0].start, master: 'marina', services: ['pedicure_gel'] });
      expect(result.slots).to.deep.equal({ slot_taken: undefined, change_blocked: undefined, upcoming: [moved] });
    });

    it('reports a slot taken meanwhile', async () => {
      const { run, crm, clientOf } = salon();
      const client = await clientOf(PHONES.anna);
      const loaded = await run('loadUpcoming', { client }, { flow: 'reschedule' });
      const found = await run('findFreeSlots', { ...loaded.slots, client, when: when(window('2026-11-25 10:00', '22:00')) }, { params: { forBooking: true } });
      const offers = found.slots?.offers as SlotOffer[];
      await crm.createBooking({ services: ['manicure_classic'], branch: 'tverskaya', master: 'marina', start: offers[0].start, guestName: 'Вера', phone: '+79161112233' });

      const result = await run('moveBooking', { ...loaded.slots, ...found.slots, client, slot: offers[0].start, confirmed: true }, { flow: 'reschedule' });

      expect(result).to.deep.equal({ slots: { slot_taken: true, slot: undefined, offers: undefined, confirmed: undefined } });
      expect((await crm.getBooking(loaded.slots?.booking as string))?.start).to.equal(msk('2026-11-27 15:00'));
    });
  });

  it('cancelBooking cancels the chosen booking', async () => {
    const { run, crm, clientOf } = salon();
    const client = await clientOf(PHONES.anna);
    const loaded = await run('loadUpcoming', { client }, { flow: 'cancel' });
    await run('cancelBooking', { ...loaded.slots, client, confirmed: true }, { flow: 'cancel' });
    expect((await crm.getBooking(loaded.slots?.booking as string))?.status).to.equal('cancelled');
  });

  describe('checks against the CRM at the moment of the change', () => {
    it('changes nothing of another guest\'s booking, whatever the slots say', async () => {
      const { run, crm, clientOf } = salon();
      const [maria] = await crm.upcomingBookings((await clientOf(PHONES.maria))!);
      const anna = await clientOf(PHONES.anna);
      const slots = { client: anna, booking: maria.id, upcoming: [maria], confirmed: true };
      expect(await run('cancelBooking', slots, { flow: 'cancel' })).to.deep.equal({ slots: { change_blocked: 'not_yours' } });
      expect(await run('moveBooking', { ...slots, slot: maria.start, offers: [] }, { flow: 'reschedule' })).to.deep.equal({ slots: { change_blocked: 'not_yours' } });
      expect(await crm.getBooking(maria.id)).to.deep.include({ status: 'booked', start: maria.start, master: maria.master });
    });

    it('refuses a booking inside the free-change window, even when a forged list shows it later', async () => {
      const { run, crm, clientOf } = salon();
      const katya = await clientOf(PHONES.katya);
      const [soon] = await crm.upcomingBookings(katya!);
      const forged = { ...soon, start: '2026-12-20T12:00:00+03:00' };
      expect(await run('cancelBooking', { client: katya, booking: soon.id, upcoming: [forged], confirmed: true }, { flow: 'cancel' })).to.deep.equal({ slots: { change_blocked: 'too_late' } });
      expect((await crm.getBooking(soon.id))?.status).to.equal('booked');
    });

    it('moves no booking that is no longer booked, and changes none the CRM does not have', async () => {
      const { run, crm, clientOf } = salon();
      const client = await clientOf(PHONES.anna);
      const [visit] = await crm.upcomingBookings(client!);
      await crm.cancelBooking(visit.id);
      expect(await run('moveBooking', { client, booking: visit.id, slot: '2026-11-28T12:00:00+03:00', confirmed: true }, { flow: 'reschedule' })).to.deep.equal({ slots: { change_blocked: 'not_yours' } });
      expect(await run('cancelBooking', { client, booking: 'B999999', confirmed: true }, { flow: 'cancel' })).to.deep.equal({ slots: { change_blocked: 'not_yours' } });
    });

    it('cancels her own cancelled booking again as a no-op (the same message replayed after a crash)', async () => {
      const { run, crm, clientOf } = salon();
      const client = await clientOf(PHONES.anna);
      const [visit] = await crm.upcomingBookings(client!);
      await crm.cancelBooking(visit.id);
      const result = await run('cancelBooking', { client, booking: visit.id, confirmed: true }, { flow: 'cancel' });
      expect(result.slots).to.deep.equal({ change_blocked: undefined });
      expect((await crm.getBooking(visit.id))?.status).to.equal('cancelled');
    });
  });
});

import { expect } from 'chai';
import { msk, salon } from './fixtures';

/** A gel manicure with Ольга on Wednesday at 10:00 on an empty CRM: nail design is its upsell. */
async function bookedManicure() {
  const s = salon({ seed: false });
  const booking = await s.crm.createBooking({ services: ['manicure_gel'], branch: 'tverskaya', master: 'olga', start: msk('2026-11-25 10:00'), guestName: 'Анна Петрова', phone: '+79990000001' });
  const here = { conversation: { createdBookings: [booking.id] } };
  return { ...s, booking, here, slots: { service: ['manicure_gel'], branch: 'tverskaya', master: 'olga', created_booking: booking.id } };
}

describe('salon upsell actions', () => {
  describe('pickUpsell', () => {
    it('offers the booked service\'s upsell when the master can do it right after', async () => {
      const { run, slots, here } = await bookedManicure();
      expect(await run('pickUpsell', slots, { flow: 'upsell', ...here })).to.deep.equal({ slots: { upsell: 'nail_design' } });
    });

    it('offers nothing when the master is busy right after the booking', async () => {
      const { run, crm, slots, here } = await bookedManicure();
      await crm.createBooking({ services: ['manicure_classic'], branch: 'tverskaya', master: 'olga', start: msk('2026-11-25 11:30'), guestName: 'Вера', phone: '+79161112233' });
      expect(await run('pickUpsell', slots, { flow: 'upsell', ...here })).to.deep.equal({});
    });

    it('offers nothing for a service without an upsell, or after a complaint\'s free fix', async () => {
      const { run, crm, slots } = await bookedManicure();
      const pedicure = await crm.createBooking({ services: ['pedicure_gel'], branch: 'tverskaya', master: 'olga', start: msk('2026-11-26 10:00'), guestName: 'Вера', phone: '+79161112233' });
      expect(await run('pickUpsell', { created_booking: pedicure.id }, { flow: 'upsell' })).to.deep.equal({});
      expect(await run('pickUpsell', { ...slots, ticket: 'T1' }, { flow: 'upsell' })).to.deep.equal({});
    });
  });

  describe('addUpsell', () => {
    it('adds the upsell to the booking and tells the new total', async () => {
      const { run, crm, booking, slots, here } = await bookedManicure();
      const result = await run('addUpsell', { ...slots, upsell: 'nail_design', upsell_accepted: true }, { flow: 'upsell', ...here });
      expect(await crm.getBooking(booking.id)).to.deep.include({ services: ['manicure_gel', 'nail_design'], end: msk('2026-11-25 11:40'), price: 3965 });
      expect(result).to.deep.equal({ say: [{ response: 'upsell_added', vars: { price: '3\u202F965\u00A0₽' } }] });
    });

    it('says the upsell no longer fits when the master got busy meanwhile', async () => {
      const { run, crm, booking, slots, here } = await bookedManicure();
      await crm.createBooking({ services: ['manicure_classic'], branch: 'tverskaya', master: 'olga', start: msk('2026-11-25 11:30'), guestName: 'Вера', phone: '+79161112233' });
      const result = await run('addUpsell', { ...slots, upsell: 'nail_design', upsell_accepted: true }, { flow: 'upsell', ...here });
      expect(result).to.deep.equal({ say: [{ response: 'upsell_unavailable' }] });
      expect((await crm.getBooking(booking.id))?.services).to.deep.equal(['manicure_gel']);
    });
  });

  it('adds nothing to a booking this conversation did not create', async () => {
    const { run, crm, booking, slots } = await bookedManicure();
    expect(await run('pickUpsell', slots, { flow: 'upsell', conversation: { createdBookings: ['B7'] } })).to.deep.equal({});
    expect(await run('addUpsell', { ...slots, upsell: 'nail_design', upsell_accepted: true }, { flow: 'upsell' })).to.deep.equal({});
    expect((await crm.getBooking(booking.id))?.services).to.deep.equal(['manicure_gel']);
  });
});

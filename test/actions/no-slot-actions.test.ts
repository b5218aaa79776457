/** «Nothing free then» says why and offers ways out (#13, defect 7). */
import { expect } from 'chai';
import type { SlotOffer } from '../../crm';
import { salonContext } from '../../actions/deps';
import { noSlotReason } from '../../actions/no-slot-reason';
import { salon, window } from './fixtures';

describe('why nothing is free', () => {
  const { deps } = salon({ seed: false });
  const context = salonContext(deps);
  const reason = (query: Parameters<typeof noSlotReason>[0]) => noSlotReason(query, context);

  it('the master does not work on the wished day', () => {
    expect(reason({ services: ['manicure_gel'], master: 'olga', windows: [window('2026-11-28 09:00', '22:00')] }))
      .to.deep.equal({ reason: 'master_day_off', master: 'olga', weekday: 'sat', day: '2026-11-28' });
  });

  it('a master who works one of the wished days is not off («в выходные»)', () => {
    expect(reason({ services: ['manicure_gel'], master: 'olga', windows: [window('2026-11-27 18:00', '22:00'), window('2026-11-28 18:00', '22:00')] }).reason).to.equal('taken');
  });

  it('the salon is closed at the wished time', () => {
    expect(reason({ services: ['manicure_gel'], branch: 'tverskaya', windows: [window('2026-11-29 23:00', '23:00')] }))
      .to.deep.equal({ reason: 'closed', branch: 'tverskaya', day: '2026-11-29' });
    expect(reason({ services: ['manicure_gel'], branch: 'city', windows: [window('2026-11-26 08:00', '08:00')] }).reason).to.equal('closed');
  });

  it('the services take longer than is left before closing, with the latest start on the grid', () => {
    expect(reason({ services: ['nail_extension'], branch: 'tverskaya', windows: [window('2026-11-27 21:00', '21:00')] }))
      .to.deep.equal({ reason: 'too_long', branch: 'tverskaya', latest: '19:30', minutes: 150, day: '2026-11-27' });
  });

  it('otherwise the time is simply taken, with the day when the wish is one day', () => {
    expect(reason({ services: ['manicure_gel'], branch: 'tverskaya', windows: [window('2026-11-25 12:00', '12:00')] }))
      .to.deep.equal({ reason: 'taken', day: '2026-11-25', days: 1 });
    expect(reason({ services: ['manicure_gel'], windows: [window('2026-11-28 10:00', '22:00'), window('2026-11-29 10:00', '22:00')] })).to.include({ reason: 'taken', days: 2 });
  });
});

describe('the ways out of «nothing free»', () => {
  it('are her master\'s times nearest to the wish, the day with another master, and another salon', async () => {
    const { run } = salon();
    const slots = { service: ['manicure_gel'], branch: 'tverskaya', master: 'olga', when: { windows: [window('2026-11-28 09:00', '22:00')], source: 'в субботу' } };
    const result = await run('explainNoSlots', slots);
    const offers = result.slots?.offers as SlotOffer[];
    expect(result.slots).to.include({ no_slots_misses: 1, no_slots_ways_out: true });
    expect(result.slots?.when).to.include({ missed: true });
    expect(offers.map((o) => `${o.master}@${o.branch}`)).to.deep.equal(['olga@tverskaya', 'olga@tverskaya', 'marina@tverskaya', 'marina@tverskaya', 'yulia@city']);
    expect(offers.filter((o) => o.master !== 'olga').every((o) => o.start.startsWith('2026-11-28'))).to.equal(true);
  });

  it('keep a moved booking\'s master and salon', async () => {
    const { run, crm, clientOf } = salon();
    const [booking] = await crm.upcomingBookings(await clientOf('+79990000001'));
    const result = await run('explainNoSlots', { booking: booking.id, when: { windows: [window('2026-11-29 23:00', '23:00')] } }, { params: { forBooking: true }, flow: 'reschedule' });
    const offers = result.slots?.offers as SlotOffer[];
    expect(offers.length).to.be.greaterThan(0);
    expect(offers.every((o) => o.master === booking.master && o.branch === booking.branch)).to.equal(true);
  });

  it('offer an administrator from the third miss (params.admin_after)', async () => {
    const { run } = salon();
    const slots = { service: ['manicure_gel'], master: 'olga', branch: 'tverskaya', when: { windows: [window('2026-11-28 09:00', '22:00')] } };
    expect((await run('explainNoSlots', { ...slots, no_slots_misses: 1 }, { params: { admin_after: 3 } })).slots?.no_slots_admin).to.equal(undefined);
    expect((await run('explainNoSlots', { ...slots, no_slots_misses: 2 }, { params: { admin_after: 3 } })).slots?.no_slots_admin).to.equal(true);
  });
});

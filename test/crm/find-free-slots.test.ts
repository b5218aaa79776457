import { expect } from 'chai';
import { CrmError, type SlotOffer } from '../../crm';
import { emptyCrm, msk, request, testClock, window } from './fixtures';

// Tuesday 24 November 2026, 12:00. At «Тверская» (10:00–22:00 daily) Ольга (top) works mon–fri, Марина
// wed–sun, Анна (top, hair) tue–sat. «Сити» opens 09:00–21:00 mon–sat and 10:00–20:00 on Sunday.

const starts = (offers: SlotOffer[]): string[] => offers.map((o) => o.start);
const slots = (offers: SlotOffer[]): string[] => offers.map((o) => `${o.start.slice(5, 16)} ${o.master}`);

describe('findFreeSlots', () => {
  it('offers the nearest slots first, from two hours ahead, on the half-hour grid', async () => {
    const { crm } = emptyCrm();
    const offers = await crm.findFreeSlots({ services: ['manicure_gel'], branch: 'tverskaya' });
    expect(slots(offers)).to.deep.equal(['11-24T14:00 olga', '11-24T14:30 olga', '11-24T15:00 olga', '11-24T15:30 olga', '11-24T16:00 olga']);
  });

  it('rounds the lead time up to the grid', async () => {
    const { crm } = emptyCrm(testClock(new Date(msk('2026-11-24 12:10'))));
    const [first] = await crm.findFreeSlots({ services: ['manicure_gel'], branch: 'tverskaya' });
    expect(first.start).to.equal(msk('2026-11-24 14:30'));
  });

  it('describes each offer with its end, duration and price', async () => {
    const { crm } = emptyCrm();
    const [offer] = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'marina' });
    expect(offer).to.deep.equal({
      start: msk('2026-11-25 10:00'), end: msk('2026-11-25 11:30'), branch: 'tverskaya', master: 'marina',
      services: ['manicure_gel'], price: 2900, priceFrom: false, minutes: 90,
    });
  });

  it('offers a master only on the days the master works', async () => {
    const { crm } = emptyCrm();
    const offers = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'marina', limit: 30 });
    expect(offers.every((o) => o.start >= msk('2026-11-25 10:00'))).to.equal(true);
  });

  it('follows the branch hours of each weekday', async () => {
    const { crm } = emptyCrm();
    const sunday = await crm.findFreeSlots({ services: ['manicure_classic'], branch: 'city', windows: [window('2026-11-29 00:00', '23:59')], limit: 50 });
    const monday = await crm.findFreeSlots({ services: ['manicure_classic'], branch: 'city', windows: [window('2026-11-30 00:00', '23:59')], limit: 50 });
    expect(sunday[0].start).to.equal(msk('2026-11-29 10:00'));
    expect(sunday.at(-1)!.end).to.equal(msk('2026-11-29 20:00'));
    expect(monday[0].start).to.equal(msk('2026-11-30 09:00'));
    expect(monday.at(-1)!.end).to.equal(msk('2026-11-30 21:00'));
  });

  it('ends every service by closing time', async () => {
    const { crm } = emptyCrm();
    const offers = await crm.findFreeSlots({ services: ['manicure_gel'], branch: 'tverskaya', windows: [window('2026-11-25 20:00', '22:00')], limit: 10 });
    expect(slots(offers)).to.deep.equal(['11-25T20:00 olga', '11-25T20:00 marina', '11-25T20:30 olga', '11-25T20:30 marina']);
  });

  it('offers only masters who do the service at a branch that offers it', async () => {
    const { crm } = emptyCrm();
    const haircuts = await crm.findFreeSlots({ services: ['haircut_women'], branch: 'tverskaya', limit: 20 });
    expect(new Set(haircuts.map((o) => o.master))).to.deep.equal(new Set(['anna']));
    expect(await crm.findFreeSlots({ services: ['lash_extension'], branch: 'tverskaya' })).to.deep.equal([]);
    expect(await crm.findFreeSlots({ services: ['manicure_gel'], master: 'anna' })).to.deep.equal([]);
  });

  it('books several services back to back with one master who does them all', async () => {
    const { crm } = emptyCrm();
    const offers = await crm.findFreeSlots({ services: ['manicure_gel', 'pedicure_gel'], branch: 'city', limit: 20 });
    // Дарья does no pedicure, so only Юлия can do both.
    expect(new Set(offers.map((o) => o.master))).to.deep.equal(new Set(['yulia']));
    expect(offers[0]).to.include({ start: msk('2026-11-24 14:00'), end: msk('2026-11-24 17:15'), minutes: 195, price: 2900 + 3600 });
  });

  it('adds the top-master surcharge to the price', async () => {
    const { crm } = emptyCrm();
    const offers = await crm.findFreeSlots({ services: ['manicure_gel', 'nail_design'], branch: 'tverskaya', windows: [window('2026-11-25 10:00', '10:00')] });
    expect(offers.map((o) => [o.master, o.price])).to.deep.equal([['olga', Math.round((2900 + 150) * 1.3)], ['marina', 2900 + 150]]);
  });

  it('marks a price that is only a lower bound', async () => {
    const { crm } = emptyCrm();
    const [haircut] = await crm.findFreeSlots({ services: ['haircut_women'], master: 'elena' });
    expect(haircut).to.include({ price: 2500, priceFrom: true });
  });

  it('skips times when the master is already booked, and offers the time right after', async () => {
    const { crm } = emptyCrm();
    await crm.createBooking(request({ master: 'olga', start: msk('2026-11-24 14:00') }));
    const offers = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'olga', limit: 2 });
    expect(starts(offers)).to.deep.equal([msk('2026-11-24 15:30'), msk('2026-11-24 16:00')]);
  });

  it('does not count a cancelled booking as taken', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ master: 'olga', start: msk('2026-11-24 14:00') }));
    await crm.cancelBooking(booking.id);
    const [first] = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'olga' });
    expect(first.start).to.equal(msk('2026-11-24 14:00'));
  });

  it('ignores the booking being moved', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ master: 'olga', start: msk('2026-11-25 10:00') }));
    const query = { services: ['manicure_gel'], master: 'olga', windows: [window('2026-11-25 10:00', '10:30')] };
    expect(starts(await crm.findFreeSlots(query))).to.deep.equal([]);
    expect(starts(await crm.findFreeSlots({ ...query, excludeBookingId: booking.id }))).to.deep.equal([msk('2026-11-25 10:00'), msk('2026-11-25 10:30')]);
  });

  it('keeps starts inside the windows, both ends included', async () => {
    const { crm } = emptyCrm();
    const offers = await crm.findFreeSlots({
      services: ['manicure_gel'], master: 'olga', limit: 10,
      windows: [window('2026-11-27 18:00', '19:00'), window('2026-11-26 12:00', '12:30')],
    });
    expect(starts(offers)).to.deep.equal([
      msk('2026-11-26 12:00'), msk('2026-11-26 12:30'), msk('2026-11-27 18:00'), msk('2026-11-27 18:30'), msk('2026-11-27 19:00'),
    ]);
  });

  it('finds nothing when the windows are all in the past or beyond the horizon', async () => {
    const { crm } = emptyCrm();
    const windows = [window('2026-11-23 10:00', '22:00'), window('2027-01-15 10:00', '22:00')];
    expect(await crm.findFreeSlots({ services: ['manicure_gel'], windows })).to.deep.equal([]);
  });

  it('offers nothing later than 30 days ahead', async () => {
    const { crm } = emptyCrm();
    // 30 days after Tuesday noon is Thursday 24 December, noon.
    const offers = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'olga', windows: [window('2026-12-24 10:00', '22:00')], limit: 20 });
    expect(starts(offers).at(-1)).to.equal(msk('2026-12-24 12:00'));
  });

  it('offers at most two masters at the same start, so the guest sees different times', async () => {
    const { crm } = emptyCrm();
    // Five masters do gel manicure on a Wednesday, in three branches.
    const offers = await crm.findFreeSlots({ services: ['manicure_gel'], windows: [window('2026-11-25 14:00', '14:30')], limit: 10 });
    expect(slots(offers)).to.deep.equal(['11-25T14:00 olga', '11-25T14:00 marina', '11-25T14:30 olga', '11-25T14:30 marina']);
  });

  it('returns at most the limit, five by default', async () => {
    const { crm } = emptyCrm();
    expect(await crm.findFreeSlots({ services: ['brow_shape'] })).to.have.length(5);
    expect(await crm.findFreeSlots({ services: ['brow_shape'], limit: 2 })).to.have.length(2);
    expect(await crm.findFreeSlots({ services: ['brow_shape'], limit: 0 })).to.have.length(0);
  });

  it('gives the nearest slots for "as soon as possible"', async () => {
    const { crm } = emptyCrm();
    const [first] = await crm.findFreeSlots({ services: ['brow_shape'], branch: 'patriki', asap: true });
    expect(first.start).to.equal(msk('2026-11-24 14:00'));
  });

  it('rejects an unknown service, branch or master id', async () => {
    const { crm } = emptyCrm();
    for (const query of [{ services: ['manicure_gl'] }, { services: [] }, { services: ['manicure_gel'], branch: 'tver' }, { services: ['manicure_gel'], master: 'olya' }]) {
      let error: unknown;
      await crm.findFreeSlots(query).catch((e: unknown) => { error = e; });
      expect(error, JSON.stringify(query)).to.be.instanceOf(CrmError);
    }
  });
});

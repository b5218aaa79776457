import { expect } from 'chai';
import Database from 'better-sqlite3';
import { buildSchedule, canChangeBooking, createDemoCrm, DEMO_GUESTS, guaranteeFor, type Booking, type DemoCrm } from '../../crm';
import { catalog, msk, NOW, rules, seededCrm } from './fixtures';

const HOUR_MS = 3_600_000;

/** The client of a demo phone. */
async function clientOf(crm: DemoCrm, phone: string) {
  const client = await crm.findClientByPhone(phone);
  expect(client, phone).to.not.equal(undefined);
  return client!;
}

describe('demo CRM seeding', () => {
  let crm: DemoCrm;
  let bookings: Booking[];
  before(async () => {
    crm = seededCrm().crm;
    bookings = await crm.listBookings();
  });

  it('seeds Анна Петрова with her last gel manicure at Ольга 21 days ago and a pedicure in 3 days', async () => {
    const anna = await clientOf(crm, '+79990000001');
    expect(anna.name).to.equal('Анна Петрова');
    expect(await crm.lastCompletedVisit(anna.id)).to.deep.include({
      status: 'completed', services: ['manicure_gel'], master: 'olga', branch: 'tverskaya', start: msk('2026-11-03 12:00'),
    });
    const upcoming = await crm.upcomingBookings(anna.id);
    expect(upcoming).to.have.length(1);
    expect(upcoming[0]).to.deep.include({ status: 'booked', services: ['pedicure_gel'], master: 'marina', branch: 'tverskaya', start: msk('2026-11-27 15:00') });
  });

  it('seeds the same salon from the same date', async () => {
    const again = seededCrm().crm;
    expect(await again.listBookings()).to.deep.equal(bookings);
  });

  it('records the seed date and does not seed twice', async () => {
    const { db } = seededCrm();
    const count = (db.prepare('SELECT COUNT(*) AS n FROM crm_bookings').get() as { n: number }).n;
    const reopened = createDemoCrm({ db, catalog, rules, clock: () => new Date('2026-12-01T12:00:00+03:00') });
    expect(reopened.seedDate()).to.equal('2026-11-24');
    expect((db.prepare('SELECT COUNT(*) AS n FROM crm_bookings').get() as { n: number }).n).to.equal(count);
  });

  it('seeds every demo guest with a distinct +7999000000N phone', async () => {
    const phones = DEMO_GUESTS.map((g) => g.phone);
    expect(new Set(phones).size).to.equal(phones.length);
    for (const guest of DEMO_GUESTS) {
      expect(guest.phone).to.match(/^\+7999000000\d$/);
      expect((await clientOf(crm, guest.phone)).name).to.equal(guest.name);
    }
  });

  it('gives one demo guest two upcoming bookings to choose from', async () => {
    const maria = await clientOf(crm, '+79990000002');
    expect(await crm.upcomingBookings(maria.id)).to.have.length(2);
  });

  it('gives one demo guest a booking too close to change by herself', async () => {
    const katya = await clientOf(crm, '+79990000003');
    const [booking] = await crm.upcomingBookings(katya.id);
    expect(Date.parse(booking.start) - NOW.getTime()).to.be.at.most(4 * HOUR_MS);
    expect(canChangeBooking(booking, NOW, rules).allowed).to.equal(false);
  });

  it('gives one demo guest a gel manicure under guarantee and one a haircut outside it', async () => {
    const irina = (await crm.lastCompletedVisit((await clientOf(crm, '+79990000004')).id))!;
    const tatiana = (await crm.lastCompletedVisit((await clientOf(crm, '+79990000005')).id))!;
    expect(irina.services).to.deep.equal(['manicure_gel']);
    expect(irina.start).to.equal(msk('2026-11-21 14:00'));
    expect(guaranteeFor(irina, 'manicure_gel', catalog, NOW).within).to.equal(true);
    expect(tatiana.services).to.deep.equal(['haircut_women']);
    expect(guaranteeFor(tatiana, 'haircut_women', catalog, NOW).within).to.equal(false);
  });

  it('marks past visits completed and later ones booked', () => {
    for (const booking of bookings) {
      const past = Date.parse(booking.end) <= NOW.getTime();
      expect(booking.status, booking.id).to.equal(past ? 'completed' : 'booked');
    }
    expect(bookings.filter((b) => b.status === 'completed').length).to.be.above(500);
  });

  it('fills roughly a third of the working time over the booking horizon', () => {
    const { calendar, hoursOf } = buildSchedule(catalog, NOW);
    const firstDay = calendar.dayOf(NOW.getTime()) + 1;
    const lastDay = firstDay + rules.booking.horizon_days - 1;
    let working = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      for (const master of catalog.masters) {
        const hours = hoursOf(master.id, day);
        if (hours) working += hours.close - hours.open;
      }
    }
    const taken = bookings
      .filter((b) => b.status === 'booked' && calendar.dayOf(Date.parse(b.start)) >= firstDay && calendar.dayOf(Date.parse(b.start)) <= lastDay)
      .reduce((sum, b) => sum + (Date.parse(b.end) - Date.parse(b.start)) / 60_000, 0);
    expect(taken / working).to.be.within(0.25, 0.42);
  });

  it('never books a master twice at the same time', () => {
    const byMaster = new Map<string, Booking[]>();
    for (const b of bookings) byMaster.set(b.master, [...(byMaster.get(b.master) ?? []), b]);
    for (const [master, list] of byMaster) {
      list.sort((x, y) => x.start.localeCompare(y.start));
      list.slice(1).forEach((b, i) => expect(b.start >= list[i].end, `${master} ${list[i].id} and ${b.id}`).to.equal(true));
    }
  });

  it('seeds around bookings made before seeding was turned on', async () => {
    const db = new Database(':memory:');
    const unseeded = createDemoCrm({ db, catalog, rules, clock: () => NOW, seed: false });
    const mine = await unseeded.createBooking({ services: ['manicure_gel'], branch: 'tverskaya', master: 'olga', start: msk('2026-11-26 10:00'), guestName: 'Вера', phone: '+79161112233' });
    const seeded = createDemoCrm({ db, catalog, rules, clock: () => NOW });
    const sameDay = (await seeded.listBookings()).filter((b) => b.master === 'olga' && b.start.startsWith('2026-11-26') && b.id !== mine.id);
    expect(sameDay.every((b) => b.end <= mine.start || b.start >= mine.end)).to.equal(true);
  });

  it('still leaves free slots to offer, of masters who are not booked solid', async () => {
    const offers = await crm.findFreeSlots({ services: ['manicure_gel'], branch: 'tverskaya' });
    expect(offers).to.have.length(5);
    expect(offers[0].start >= msk('2026-11-24 14:00')).to.equal(true);
  });

  it('seeds relative to the clock: a later date gives the same pattern shifted', async () => {
    const later = createDemoCrm({ db: new Database(':memory:'), catalog, rules, clock: () => new Date('2027-03-10T09:30:00+03:00') });
    const anna = (await later.findClientByPhone('+79990000001'))!;
    expect((await later.lastCompletedVisit(anna.id))!.start).to.equal('2027-02-17T12:00:00+03:00');
    expect(later.seedDate()).to.equal('2027-03-10');
  });
});

/** The demo CRM's fixture API (tests and transcripts set up clients, bookings and visits) and its data copies. */
import { expect } from 'chai';
import Database from 'better-sqlite3';
import { createDemoCrm, CrmError } from '../../crm';
import { restoreDemoData, snapshotDemoData } from '../../crm/demo';
import { catalog, emptyCrm, msk, NOW, rules, seededCrm } from './fixtures';

describe('demo CRM fixtures', () => {
  it('adds a client once per phone', async () => {
    const { crm } = emptyCrm();
    const vera = await crm.addClient({ name: 'Вера', phone: '+79995550001' });
    expect(vera).to.include({ name: 'Вера', phone: '+79995550001' });
    expect(await crm.addClient({ name: 'Другая', phone: '+79995550001' })).to.deep.equal(vera);
    expect(await crm.findClientByPhone('+79995550001')).to.deep.equal(vera);
  });

  it('adds a booking as given, priced and timed from the catalog, creating its client', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.addBooking({ services: ['manicure_gel', 'nail_design'], master: 'olga', start: msk('2026-11-26 15:00'), phone: '+79995550002', guestName: 'Ирина' });
    expect(booking).to.deep.include({ status: 'booked', branch: 'tverskaya', master: 'olga', services: ['manicure_gel', 'nail_design'], start: '2026-11-26T15:00:00+03:00', guestName: 'Ирина', phone: '+79995550002' });
    expect(Date.parse(booking.end) - Date.parse(booking.start)).to.be.greaterThan(90 * 60_000);
    expect(booking.price).to.be.greaterThan(0);
    const client = await crm.findClientByPhone('+79995550002');
    expect(await crm.upcomingBookings(client!.id)).to.deep.equal([booking]);
  });

  it('adds a past visit that "как в прошлый раз" and complaints find, without the booking rules', async () => {
    const { crm } = emptyCrm();
    const visit = await crm.addVisit({ services: ['brow_tint'], master: 'yulia', start: msk('2026-11-10 15:00'), phone: '+79995550003', guestName: 'Светлана' });
    expect(visit).to.include({ status: 'completed', branch: 'city' });
    expect(await crm.lastCompletedVisit(visit.clientId)).to.deep.equal(visit);
    expect(await crm.visitHistory(visit.clientId)).to.deep.equal([visit]);
  });

  it('refuses an unknown master, service or branch, a bad phone and a bad time, saying how to fix it', async () => {
    const { crm } = emptyCrm();
    const base = { services: ['manicure_gel'], master: 'olga', start: msk('2026-11-26 15:00'), phone: '+79995550004', guestName: 'Ирина' };
    const refused = async (fixture: Partial<typeof base> & { branch?: string }) => {
      try {
        await crm.addBooking({ ...base, ...fixture });
      } catch (error) {
        expect(error).to.be.instanceOf(CrmError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(await refused({ master: 'nobody' })).to.match(/^unknown master "nobody"\n {2}→ use one of: olga, marina/);
    expect(await refused({ services: ['nails'] })).to.match(/unknown service "nails"/);
    expect(await refused({ branch: 'moon' })).to.match(/^unknown branch "moon"/);
    expect(await refused({ phone: '89995550004' })).to.match(/is not an E\.164 phone/);
    expect(await refused({ start: 'в пятницу' })).to.match(/"в пятницу" is not an ISO date-time/);
    expect(await crm.listBookings()).to.deep.equal([]);
  });

  it('lists complaint tickets', async () => {
    const { crm } = emptyCrm();
    expect(await crm.listTickets()).to.deep.equal([]);
    const ticket = await crm.createComplaintTicket({ branch: 'city', visitDate: '2026-11-20', master: 'darya', service: 'manicure_gel', description: 'скол', outcome: 'feedback', withinGuarantee: true });
    expect(await crm.listTickets()).to.deep.equal([ticket]);
  });
});

describe('demo CRM data copies', () => {
  it('restores a seeded salon into a fresh database, which then does not seed again', async () => {
    const { crm: seeded, db: source } = seededCrm();
    const snapshot = snapshotDemoData(source);
    const target = new Database(':memory:');
    restoreDemoData(target, snapshot);
    const copy = createDemoCrm({ db: target, catalog, rules, clock: () => NOW });
    expect(copy.seedDate()).to.equal(seeded.seedDate());
    expect(await copy.listBookings()).to.deep.equal(await seeded.listBookings());
    expect(await copy.findClientByPhone('+79990000001')).to.deep.equal(await seeded.findClientByPhone('+79990000001'));
    // The copy is on its own: a change in it leaves the source alone.
    const [first] = await copy.upcomingBookings((await copy.findClientByPhone('+79990000001'))!.id);
    await copy.cancelBooking(first.id);
    expect((await seeded.getBooking(first.id))?.status).to.equal('booked');
  });
});

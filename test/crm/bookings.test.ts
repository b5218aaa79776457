import { expect } from 'chai';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BookingNotActiveError, BookingNotFoundError, ClientNotFoundError, createDemoCrm, CrmError, SlotTakenError, TicketNotFoundError,
} from '../../crm';
import { catalog, emptyCrm, msk, NOW, request, rules, testClock } from './fixtures';
import { removeTempDir } from '../support/temp';

/** The error a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('createBooking', () => {
  it('books a free slot and returns the booking', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ services: ['manicure_gel', 'nail_design'], master: 'olga', start: msk('2026-11-25 10:00') }));
    expect(booking).to.deep.equal({
      id: 'B1', status: 'booked', branch: 'tverskaya', master: 'olga', services: ['manicure_gel', 'nail_design'],
      start: msk('2026-11-25 10:00'), end: msk('2026-11-25 11:40'), guestName: 'Анна Петрова', phone: '+79990000001',
      clientId: 'C1', price: Math.round(3050 * 1.3), createdAt: msk('2026-11-24 12:00'),
    });
    expect(await crm.getBooking('B1')).to.deep.equal(booking);
  });

  it('creates the client of a new phone and reuses it for the next booking', async () => {
    const { crm } = emptyCrm();
    const first = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), guestName: 'Ирина', phone: '+79161234567' }));
    // Booking for her mother: the booking carries the mother's name, the contact stays Ирина's.
    const second = await crm.createBooking(request({ start: msk('2026-11-25 12:00'), guestName: 'Людмила Петровна', phone: '+79161234567' }));
    expect(second.clientId).to.equal(first.clientId);
    expect(second.guestName).to.equal('Людмила Петровна');
    expect(await crm.findClientByPhone('+79161234567')).to.deep.equal({ id: first.clientId, name: 'Ирина', phone: '+79161234567' });
  });

  it('throws SlotTakenError when another booking took the time meanwhile', async () => {
    const { crm, db } = emptyCrm();
    const [offer] = await crm.findFreeSlots({ services: ['manicure_gel'], master: 'olga' });
    // Another engine process on the same database books it first.
    const other = createDemoCrm({ db, catalog, rules, clock: () => NOW, seed: false });
    await other.createBooking(request({ master: 'olga', services: ['manicure_classic'], start: offer.start, guestName: 'Кто-то', phone: '+79160000000' }));
    const error = await rejection(crm.createBooking(request({ master: offer.master, start: offer.start })));
    expect(error).to.be.instanceOf(SlotTakenError).and.include({ reason: 'taken' });
  });

  it('throws SlotTakenError when the services would overlap a later booking', async () => {
    const { crm } = emptyCrm();
    await crm.createBooking(request({ start: msk('2026-11-25 11:00'), master: 'olga' }));
    const error = await rejection(crm.createBooking(request({ start: msk('2026-11-25 10:00'), master: 'olga', phone: '+79160000000' })));
    expect(error).to.be.instanceOf(SlotTakenError).and.include({ reason: 'taken' });
  });

  it('refuses a slot that breaks a booking rule, saying which', async () => {
    const { crm } = emptyCrm();
    const cases: Array<[Partial<Parameters<typeof request>[0]> & { start: string }, string]> = [
      [{ start: msk('2026-11-24 13:30') }, 'less than 120 minutes'],
      [{ start: msk('2026-11-25 10:15') }, 'grid'],
      [{ start: msk('2026-11-25 21:00') }, 'closing time'],
      [{ start: msk('2026-11-28 12:00') }, 'does not work on sat'],
      [{ start: msk('2026-12-25 12:00') }, 'more than 30 days'],
      [{ start: msk('2026-11-25 10:00'), master: 'anna' }, 'does not do manicure_gel'],
      [{ start: msk('2026-11-25 10:00'), branch: 'city' }, 'works at tverskaya'],
    ];
    for (const [change, detail] of cases) {
      const error = await rejection(crm.createBooking(request(change)));
      expect(error, detail).to.be.instanceOf(SlotTakenError).and.include({ reason: 'invalid' });
      expect((error as SlotTakenError).detail).to.include(detail);
    }
  });

  it('refuses a phone that is not E.164 and an empty name', async () => {
    const { crm } = emptyCrm();
    expect(await rejection(crm.createBooking(request({ start: msk('2026-11-25 10:00'), phone: '89161234567' })))).to.be.instanceOf(CrmError);
    expect(await rejection(crm.createBooking(request({ start: msk('2026-11-25 10:00'), guestName: '  ' })))).to.be.instanceOf(CrmError);
  });

  it('links the booking channel user to the client', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), channel: 'telegram', clientUserId: '4242' }));
    expect(await crm.findClientByUser('telegram', '4242')).to.include({ id: booking.clientId, phone: '+79990000001' });
  });
});

describe('moveBooking', () => {
  it('moves a booking to a free time, with another master of the branch and her price', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ master: 'olga', start: msk('2026-11-25 10:00') }));
    const moved = await crm.moveBooking(booking.id, { start: msk('2026-11-26 18:00'), master: 'marina' });
    expect(moved).to.include({ id: booking.id, status: 'booked', master: 'marina', start: msk('2026-11-26 18:00'), end: msk('2026-11-26 19:30'), price: 2900 });
  });

  it('moves a booking by half an hour over its own time', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }));
    expect(await crm.moveBooking(booking.id, { start: msk('2026-11-25 10:30') })).to.include({ master: 'olga', start: msk('2026-11-25 10:30') });
  });

  it('throws SlotTakenError for a taken time and keeps the booking as it was', async () => {
    const { crm } = emptyCrm();
    const mine = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }));
    await crm.createBooking(request({ start: msk('2026-11-25 14:00'), phone: '+79160000000' }));
    expect(await rejection(crm.moveBooking(mine.id, { start: msk('2026-11-25 13:00') }))).to.be.instanceOf(SlotTakenError);
    expect(await crm.getBooking(mine.id)).to.deep.equal(mine);
  });

  it('throws BookingNotFoundError for an unknown id and BookingNotActiveError for a cancelled booking', async () => {
    const { crm } = emptyCrm();
    expect(await rejection(crm.moveBooking('B404', { start: msk('2026-11-25 10:00') }))).to.be.instanceOf(BookingNotFoundError);
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }));
    await crm.cancelBooking(booking.id);
    expect(await rejection(crm.moveBooking(booking.id, { start: msk('2026-11-25 12:00') }))).to.be.instanceOf(BookingNotActiveError);
  });
});

describe('cancelBooking', () => {
  it('cancels a booking, frees its time and answers the same when asked twice', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }));
    const cancelled = await crm.cancelBooking(booking.id);
    expect(cancelled).to.deep.equal({ ...booking, status: 'cancelled' });
    expect(await crm.cancelBooking(booking.id)).to.deep.equal(cancelled);
    const again = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), phone: '+79160000000' }));
    expect(again.status).to.equal('booked');
  });

  it('throws BookingNotFoundError for an id that is not a booking', async () => {
    const { crm } = emptyCrm();
    expect(await rejection(crm.cancelBooking('nonsense'))).to.be.instanceOf(BookingNotFoundError);
    expect(await crm.getBooking('nonsense')).to.equal(undefined);
  });
});

describe('clients and their bookings', () => {
  it('finds a client by phone, and nobody for an unknown phone', async () => {
    const { crm } = emptyCrm();
    await crm.createBooking(request({ start: msk('2026-11-25 10:00') }));
    expect(await crm.findClientByPhone('+79990000001')).to.deep.equal({ id: 'C1', name: 'Анна Петрова', phone: '+79990000001' });
    expect(await crm.findClientByPhone('+79990009999')).to.equal(undefined);
  });

  it('links a channel user to a known client only', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }));
    await crm.linkClientUser(booking.clientId, 'whatsapp', '79990000001');
    expect(await crm.findClientByUser('whatsapp', '79990000001')).to.include({ id: booking.clientId });
    expect(await crm.findClientByUser('telegram', '79990000001')).to.equal(undefined);
    expect(await rejection(crm.linkClientUser('C99', 'telegram', '1'))).to.be.instanceOf(ClientNotFoundError);
  });

  it('lists upcoming bookings nearest first, without cancelled or started ones', async () => {
    const clock = testClock();
    const { crm } = emptyCrm(clock);
    const later = await crm.createBooking(request({ start: msk('2026-11-27 12:00') }));
    const sooner = await crm.createBooking(request({ start: msk('2026-11-25 12:00') }));
    const cancelled = await crm.createBooking(request({ start: msk('2026-11-26 12:00') }));
    await crm.cancelBooking(cancelled.id);
    expect((await crm.upcomingBookings(sooner.clientId)).map((b) => b.id)).to.deep.equal([sooner.id, later.id]);
    clock.now = new Date(msk('2026-11-25 12:30'));
    expect((await crm.upcomingBookings(sooner.clientId)).map((b) => b.id)).to.deep.equal([later.id]);
  });

  it('lists every booking for the CLI, by start', async () => {
    const { crm } = emptyCrm();
    await crm.createBooking(request({ start: msk('2026-11-27 12:00') }));
    await crm.createBooking(request({ start: msk('2026-11-25 12:00') }));
    expect((await crm.listBookings()).map((b) => b.id)).to.deep.equal(['B2', 'B1']);
  });
});

describe('createComplaintTicket', () => {
  it('records the complaint and returns it with an id and the time', async () => {
    const { crm } = emptyCrm();
    const input = {
      phone: '+79990000004', branch: 'tverskaya', visitDate: '2026-11-21', master: 'marina', service: 'manicure_gel',
      description: 'отошло покрытие на двух ногтях', photo: 'telegram:file/AgAD', outcome: 'free_fix' as const, withinGuarantee: true,
    };
    const ticket = await crm.createComplaintTicket(input);
    expect(ticket).to.deep.equal({ id: 'T1', createdAt: msk('2026-11-24 12:00'), ...input });
    expect((await crm.createComplaintTicket({ ...input, outcome: 'feedback' })).id).to.equal('T2');
  });

  it('refuses a client id that does not exist', async () => {
    const { crm } = emptyCrm();
    const error = await rejection(crm.createComplaintTicket({
      clientId: 'C7', branch: 'patriki', visitDate: '2026-11-21', master: 'svetlana', service: 'manicure_gel',
      description: 'скол', outcome: 'feedback', withinGuarantee: true,
    }));
    expect(error).to.be.instanceOf(ClientNotFoundError);
  });
});

describe('updateComplaintTicket', () => {
  it('corrects a stored complaint under the same id', async () => {
    const { crm } = emptyCrm();
    const input = {
      phone: '+79990000004', branch: 'tverskaya', visitDate: '2026-11-21', master: 'marina', service: 'manicure_gel',
      description: 'отошло покрытие', outcome: 'free_fix' as const, withinGuarantee: true,
    };
    const stored = await crm.createComplaintTicket(input);
    const corrected = await crm.updateComplaintTicket(stored.id, { ...input, master: 'olga' });
    expect(corrected).to.deep.equal({ ...stored, master: 'olga' });
    expect((await crm.createComplaintTicket(input)).id).to.equal('T2');
  });

  it('refuses an unknown ticket', async () => {
    const { crm } = emptyCrm();
    const error = await rejection(crm.updateComplaintTicket('T9', {
      branch: 'patriki', visitDate: '2026-11-21', master: 'svetlana', service: 'manicure_gel', description: 'скол', outcome: 'feedback', withinGuarantee: true,
    }));
    expect(error).to.be.instanceOf(TicketNotFoundError);
  });
});

describe('demo CRM on a database file', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(path.join(tmpdir(), 'coco-crm-')); });
  after(() => removeTempDir(dir));

  it('lets only one of two connections book the same slot', async () => {
    const file = path.join(dir, 'coco.db');
    const [a, b] = [new Database(file), new Database(file)];
    a.pragma('journal_mode = WAL');
    const first = createDemoCrm({ db: a, catalog, rules, clock: () => NOW, seed: false });
    const second = createDemoCrm({ db: b, catalog, rules, clock: () => NOW, seed: false });
    await first.createBooking(request({ start: msk('2026-11-25 10:00') }));
    expect(await rejection(second.createBooking(request({ start: msk('2026-11-25 10:30'), phone: '+79160000000' })))).to.be.instanceOf(SlotTakenError);
    a.close();
    b.close();
  });
});

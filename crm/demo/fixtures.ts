/**
 * The demo CRM's fixture API: extra state a test or a transcript sets up on top of the seeded salon —
 * a client, a booking or a past visit at an exact time, and the complaint tickets to check. Fixtures are
 * written as given: they skip the booking rules (lead time, horizon, a past visit is fine) and may
 * overlap the demo's generated bookings, but they must name services, masters and branches that exist.
 */
import type { Database } from 'better-sqlite3';
import type { Catalog } from '../../salon';
import { CrmError } from '../errors';
import { priceOf } from '../price';
import type { Schedule } from '../schedule';
import { durationOf } from '../slot-rules';
import type { Booking, BookingStatus, Client, Ticket } from '../types';
import { toBooking, toClient, toTicket, type BookingRow, type ClientRow, type TicketRow } from './rows';

const MINUTE_MS = 60_000;
/** E.164: a plus, a country code and up to 15 digits in all. */
const E164 = /^\+[1-9]\d{7,14}$/;

/** A client to add: found by phone when the CRM already has it. */
export interface ClientFixture {
  name: string;
  /** E.164, e.g. `+79991234567`. */
  phone: string;
}

/** A booking to add at an exact time. */
export interface BookingFixture {
  services: string[];
  master: string;
  /** Default: the master's branch. */
  branch?: string;
  /** ISO with the offset, e.g. `2026-11-21T14:00:00+03:00`. */
  start: string;
  /** The client's phone; the client is created (named `guestName`) when the CRM does not know it. */
  phone: string;
  /** Default: the client's name. */
  guestName?: string;
  /** Default `booked`; `completed` is a past visit. */
  status?: BookingStatus;
}

/** What the demo CRM offers tests besides the {@link Crm} port. */
export interface DemoCrmFixtures {
  /** Adds a client, or returns the one with this phone. @throws {CrmError} for a phone that is not E.164. */
  addClient(client: ClientFixture): Promise<Client>;
  /**
   * Adds a booking as given (see the module comment).
   *
   * @throws {CrmError} for an unknown service, master or branch, a bad phone or start.
   * @example await crm.addBooking({ services: ['manicure_gel'], master: 'olga', start: '2026-11-26T15:00:00+03:00', phone: '+79991234567', guestName: 'Ирина' })
   */
  addBooking(booking: BookingFixture): Promise<Booking>;
  /** A completed visit: {@link addBooking} with `status: 'completed'`. */
  addVisit(visit: Omit<BookingFixture, 'status'>): Promise<Booking>;
  /** Every complaint ticket, oldest first. */
  listTickets(): Promise<Ticket[]>;
}

/** The fixture API on the demo CRM's tables. */
export function createDemoFixtures(db: Database, schedule: Schedule, catalog: Catalog, clock: () => Date): DemoCrmFixtures {
  const { calendar } = schedule;
  const q = {
    clientByPhone: db.prepare<[string], ClientRow>('SELECT * FROM crm_clients WHERE phone = ?'),
    insertClient: db.prepare<[string, string]>('INSERT INTO crm_clients (name, phone) VALUES (?, ?)'),
    insertBooking: db.prepare<[string, string, string, string, number, number, string, string, number, number, number]>(
      `INSERT INTO crm_bookings (status, branch, master, services, start_ms, end_ms, guest_name, phone, client_id, price, created_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    booking: db.prepare<[number], BookingRow>('SELECT * FROM crm_bookings WHERE id = ?'),
    tickets: db.prepare<[], TicketRow>('SELECT * FROM crm_tickets ORDER BY id'),
  };

  const clientOf = (fixture: ClientFixture): ClientRow => {
    const phone = fixture.phone.trim();
    if (!E164.test(phone)) throw new CrmError(`"${fixture.phone}" is not an E.164 phone`, { hint: 'write it as +79991234567' });
    const existing = q.clientByPhone.get(phone);
    if (existing) return existing;
    const name = fixture.name.trim();
    if (!name) throw new CrmError(`the new client with phone ${phone} has no name`, { hint: 'give the client a name' });
    const id = Number(q.insertClient.run(name, phone).lastInsertRowid);
    return { id, name, phone };
  };

  const addBooking = db.transaction((fixture: BookingFixture): Booking => {
    const master = schedule.masters.get(fixture.master);
    if (!master) throw new CrmError(`unknown master "${fixture.master}"`, { hint: `use one of: ${[...schedule.masters.keys()].join(', ')}` });
    const branch = fixture.branch ?? master.branch;
    if (!catalog.branches.some((b) => b.id === branch)) throw new CrmError(`unknown branch "${branch}"`, { hint: `use one of: ${catalog.branches.map((b) => b.id).join(', ')}` });
    if (fixture.services.length === 0) throw new CrmError('a booking needs at least one service', { hint: 'e.g. services: [manicure_gel]' });
    fixture.services.forEach((id) => schedule.service(id)); // throws CrmError for an unknown service
    const minutes = durationOf(fixture.services, schedule);
    const startMs = calendar.parse(fixture.start);
    if (Number.isNaN(startMs)) throw new CrmError(`"${fixture.start}" is not an ISO start time`, { hint: 'write it as 2026-11-27T18:00:00+03:00' });
    const client = clientOf({ name: fixture.guestName ?? '', phone: fixture.phone });
    const { price } = priceOf(fixture.services, master, catalog);
    const id = Number(q.insertBooking.run(
      fixture.status ?? 'booked', branch, master.id, JSON.stringify(fixture.services), startMs, startMs + minutes * MINUTE_MS,
      fixture.guestName?.trim() || client.name, client.phone, client.id, price, Math.min(startMs, clock().getTime()),
    ).lastInsertRowid);
    return toBooking(q.booking.get(id)!, calendar);
  });

  return {
    addClient: async (client) => toClient(db.transaction(() => clientOf(client)).immediate()),
    addBooking: async (booking) => addBooking.immediate(booking),
    addVisit: async (visit) => addBooking.immediate({ ...visit, status: 'completed' }),
    listTickets: async () => q.tickets.all().map((row) => toTicket(row, calendar)),
  };
}

/**
 * The demo CRM: the {@link Crm} port on the engine's own SQLite database (tables `crm_*`), seeded with
 * a believable salon on first use. Bookings are checked and written in one IMMEDIATE transaction, so two
 * processes on the same database cannot book the same master twice.
 */
import type { Database } from 'better-sqlite3';
import type { Catalog, Rules } from '../../salon';
import { BookingNotActiveError, BookingNotFoundError, ClientNotFoundError, CrmError, SlotTakenError, TicketNotFoundError } from '../errors';
import { searchFreeSlots, type BusyInterval } from '../free-slots';
import type { Crm } from '../port';
import { priceOf } from '../price';
import { isSameGuest } from '../same-guest';
import { buildSchedule } from '../schedule';
import { durationOf, slotRuleProblem } from '../slot-rules';
import type { Booking, BookingRequest, ComplaintInput, MoveRequest, SlotGuest, Ticket, WriteOptions } from '../types';
import { createDemoFixtures, type DemoCrmFixtures } from './fixtures';
import { idempotentWrites } from './idempotency';
import { parseId, toBooking, toClient, toTicket, type BookingRow, type ClientRow, type TicketRow } from './rows';
import { seedDemoData, SEED_DATE_KEY } from './seed';
import { createCrmTables } from './tables';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** E.164: a plus, a country code and up to 15 digits in all. */
const E164 = /^\+[1-9]\d{7,14}$/;

export interface DemoCrmOptions {
  /** The engine's database (better-sqlite3); WAL is set by whoever opens it. */
  db: Database;
  catalog: Catalog;
  rules: Rules;
  /** The current time; logic never reads the system clock. */
  clock: () => Date;
  /** Seed demo guests and bookings on first use (default true); tests of slot rules turn it off. */
  seed?: boolean;
}

/** The demo CRM, with the date it was seeded and a fixture API for tests and transcripts. */
export interface DemoCrm extends Crm, DemoCrmFixtures {
  /** `YYYY-MM-DD` of the first use, or undefined when seeding is off and never happened. */
  seedDate(): string | undefined;
}

/**
 * Creates the demo CRM on a database, creating its tables if missing and seeding them once.
 *
 * @example
 * const crm = createDemoCrm({ db: new Database('data/coco.db'), catalog, rules, clock: () => new Date() });
 * const [slot] = await crm.findFreeSlots({ services: ['manicure_gel'], branch: 'tverskaya' });
 * await crm.createBooking({ ...slot, guestName: 'Анна', phone: '+79990000001' });
 */
/** A known client and the person a booking is for, as the demo's tables hold them. */
interface GuestOfBooking {
  clientId: number;
  name: string;
}

export function createDemoCrm(options: DemoCrmOptions): DemoCrm {
  const { db, catalog, rules, clock } = options;
  createCrmTables(db);
  const schedule = buildSchedule(catalog, clock());
  const { calendar } = schedule;
  if (options.seed !== false) seedDemoData(db, schedule, rules, clock().getTime());

  const q = {
    seedDate: db.prepare<[string], { value: string }>('SELECT value FROM crm_meta WHERE key = ?'),
    busy: db.prepare<[string, number, number, number, number], BusyInterval>(
      `SELECT start_ms AS start, end_ms AS end FROM crm_bookings
       WHERE status = 'booked' AND master = ? AND start_ms >= ? AND start_ms < ? AND end_ms > ? AND id <> ? ORDER BY start_ms`,
    ),
    busyGuest: db.prepare<[number, number, number, number], BusyInterval & { guest_name: string }>(
      `SELECT start_ms AS start, end_ms AS end, guest_name FROM crm_bookings
       WHERE status = 'booked' AND client_id = ? AND start_ms < ? AND end_ms > ? AND id <> ? ORDER BY start_ms`,
    ),
    booking: db.prepare<[number], BookingRow>('SELECT * FROM crm_bookings WHERE id = ?'),
    allBookings: db.prepare<[], BookingRow>('SELECT * FROM crm_bookings ORDER BY start_ms, id'),
    insertBooking: db.prepare<[string, string, string, number, number, string, string, number, number, number, number | null]>(
      `INSERT INTO crm_bookings (status, branch, master, services, start_ms, end_ms, guest_name, phone, client_id, price, created_ms, guarantee_ticket)
       VALUES ('booked', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    moveBooking: db.prepare<[string, number, number, number, number]>('UPDATE crm_bookings SET master = ?, start_ms = ?, end_ms = ?, price = ? WHERE id = ?'),
    cancelBooking: db.prepare<[number]>("UPDATE crm_bookings SET status = 'cancelled' WHERE id = ?"),
    updateServices: db.prepare<[string, number, number, number]>('UPDATE crm_bookings SET services = ?, end_ms = ?, price = ? WHERE id = ?'),
    upcoming: db.prepare<[number, number], BookingRow>("SELECT * FROM crm_bookings WHERE client_id = ? AND status = 'booked' AND start_ms > ? ORDER BY start_ms"),
    completed: db.prepare<[number], BookingRow>("SELECT * FROM crm_bookings WHERE client_id = ? AND status = 'completed' ORDER BY start_ms DESC"),
    client: db.prepare<[number], ClientRow>('SELECT * FROM crm_clients WHERE id = ?'),
    clientByPhone: db.prepare<[string], ClientRow>('SELECT * FROM crm_clients WHERE phone = ?'),
    clientByUser: db.prepare<[string, string], ClientRow>(
      'SELECT c.* FROM crm_client_users u JOIN crm_clients c ON c.id = u.client_id WHERE u.channel = ? AND u.user_id = ?',
    ),
    insertClient: db.prepare<[string, string]>('INSERT INTO crm_clients (name, phone) VALUES (?, ?)'),
    usersOf: db.prepare<[number], { channel: string; user_id: string }>('SELECT channel, user_id FROM crm_client_users WHERE client_id = ? ORDER BY channel, user_id'),
    linkUser: db.prepare<[string, string, number]>('INSERT OR REPLACE INTO crm_client_users (channel, user_id, client_id) VALUES (?, ?, ?)'),
    insertTicket: db.prepare<[number, number | null, string | null, string, string, string, string, string, string | null, string, number, string | null]>(
      `INSERT INTO crm_tickets (created_ms, client_id, phone, branch, visit_date, master, service, description, photo, outcome, within_guarantee, booking_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    ticket: db.prepare<[number], TicketRow>('SELECT * FROM crm_tickets WHERE id = ?'),
    updateTicket: db.prepare<[number | null, string | null, string, string, string, string, string, string | null, string, number, string | null, number]>(
      `UPDATE crm_tickets SET client_id = ?, phone = ?, branch = ?, visit_date = ?, master = ?, service = ?, description = ?, photo = ?,
       outcome = ?, within_guarantee = ?, booking_id = ? WHERE id = ?`,
    ),
  };

  const once = idempotentWrites(db, clock);

  /** The master's booked intervals overlapping a local day, except one booking (-1: none). */
  const busyOn = (master: string, day: number, exceptId = -1): BusyInterval[] => {
    const start = calendar.dayStart(day);
    return q.busy.all(master, start - DAY_MS, start + DAY_MS, start, exceptId);
  };

  /** The guest's other active bookings (same client, same person) overlapping a local day, except one booking (-1: none). */
  const guestBusyOn = (guest: GuestOfBooking, day: number, exceptId = -1): BusyInterval[] => {
    const start = calendar.dayStart(day);
    return q.busyGuest.all(guest.clientId, start + DAY_MS, start, exceptId)
      .filter((b) => isSameGuest(b.guest_name, guest.name))
      .map(({ start: from, end }) => ({ start: from, end }));
  };

  /** The client and person of a slot query, with the client's own name when the query names nobody else. */
  const guestOf = (guest: SlotGuest | undefined): GuestOfBooking | undefined => {
    const row = guest && (guest.clientId !== undefined ? clientRow(guest.clientId) : guest.phone !== undefined ? q.clientByPhone.get(guest.phone.trim()) : undefined);
    return row && { clientId: row.id, name: guest.name?.trim() || row.name };
  };

  /** The ticket a free fix is for; it must exist and be within the guarantee. */
  const guaranteeTicket = (ticketId: string): number => {
    const numeric = parseId('T', ticketId);
    const ticket = numeric === undefined ? undefined : q.ticket.get(numeric);
    if (numeric === undefined || !ticket) throw new TicketNotFoundError(ticketId);
    if (!ticket.within_guarantee) throw new CrmError(`ticket ${ticketId} is outside the guarantee: its fix is not free`, { hint: 'book it as a paid visit, or let the senior administrator decide' });
    return numeric;
  };

  /**
   * Throws SlotTakenError unless the slot meets the rules and is free (ignoring `exceptId`): the master's
   * time, and the guest's own time when she is known (another booking of hers overlapping it).
   */
  const assertBookable = (slot: { services: string[]; branch: string; master: string; startMs: number }, exceptId = -1, guest?: GuestOfBooking): number => {
    const problem = slotRuleProblem(schedule, rules.booking, clock().getTime(), slot);
    const where = { master: slot.master, start: calendar.iso(slot.startMs) };
    if (problem) throw new SlotTakenError('invalid', problem, where);
    const endMs = slot.startMs + durationOf(slot.services, schedule) * MINUTE_MS;
    const overlaps = (b: BusyInterval) => b.start < endMs && b.end > slot.startMs;
    const day = calendar.dayOf(slot.startMs);
    if (busyOn(slot.master, day, exceptId).some(overlaps)) throw new SlotTakenError('taken', 'another booking took this time', where);
    if (guest && guestBusyOn(guest, day, exceptId).some(overlaps)) throw new SlotTakenError('taken', 'the guest has another booking at this time', where);
    return endMs;
  };

  const existingBooking = (id: string): BookingRow => {
    const numeric = parseId('B', id);
    const row = numeric === undefined ? undefined : q.booking.get(numeric);
    if (!row) throw new BookingNotFoundError(id);
    return row;
  };

  const clientRow = (clientId: string): ClientRow | undefined => {
    const numeric = parseId('C', clientId);
    return numeric === undefined ? undefined : q.client.get(numeric);
  };

  const create = db.transaction((request: BookingRequest, key?: string): Booking => once('createBooking', key, () => {
    const phone = request.phone.trim();
    const guestName = request.guestName.trim();
    if (!E164.test(phone)) throw new CrmError(`"${request.phone}" is not an E.164 phone`, { hint: 'pass the phone the NLU normalised, e.g. +79990000001' });
    if (!guestName) throw new CrmError('a booking needs the guest\'s name', { hint: 'ask the guest for a name before booking' });
    const services = [...request.services];
    const startMs = calendar.parse(request.start);
    let client = q.clientByPhone.get(phone);
    const endMs = assertBookable({ services, branch: request.branch, master: request.master, startMs }, -1, client && { clientId: client.id, name: guestName });
    if (!client) {
      const id = Number(q.insertClient.run(guestName, phone).lastInsertRowid);
      client = { id, name: guestName, phone };
    }
    if (request.channel && request.clientUserId) q.linkUser.run(request.channel, request.clientUserId, client.id);
    const fixes = request.guaranteeFix && guaranteeTicket(request.guaranteeFix.ticketId);
    const price = fixes === undefined ? priceOf(services, schedule.masters.get(request.master)!, catalog).price : 0;
    const id = Number(q.insertBooking.run(request.branch, request.master, JSON.stringify(services), startMs, endMs, guestName, phone, client.id, price, clock().getTime(), fixes ?? null).lastInsertRowid);
    return toBooking(q.booking.get(id)!, calendar);
  }));

  const move = db.transaction((id: string, change: MoveRequest, key?: string): Booking => once('moveBooking', key, () => {
    const row = existingBooking(id);
    if (row.status !== 'booked') throw new BookingNotActiveError(id, row.status);
    const master = change.master ?? row.master;
    const services = JSON.parse(row.services) as string[];
    const startMs = calendar.parse(change.start);
    const endMs = assertBookable({ services, branch: row.branch, master, startMs }, row.id, { clientId: row.client_id, name: row.guest_name });
    // A free fix stays free with another master or at another time.
    const price = row.guarantee_ticket === null ? priceOf(services, schedule.masters.get(master)!, catalog).price : 0;
    q.moveBooking.run(master, startMs, endMs, price, row.id);
    return toBooking(q.booking.get(row.id)!, calendar);
  }));

  const addServices = db.transaction((id: string, serviceIds: string[], key?: string): Booking => once('addServices', key, () => {
    const row = existingBooking(id);
    if (row.status !== 'booked') throw new BookingNotActiveError(id, row.status);
    serviceIds.forEach((serviceId) => schedule.service(serviceId));
    const booked = JSON.parse(row.services) as string[];
    const added = [...new Set(serviceIds)].filter((serviceId) => !booked.includes(serviceId));
    if (added.length === 0) return toBooking(row, calendar);
    const services = [...booked, ...added];
    const endMs = assertBookable({ services, branch: row.branch, master: row.master, startMs: row.start_ms }, row.id, { clientId: row.client_id, name: row.guest_name });
    // Services added to a free fix are paid for; the fix itself stays free.
    const master = schedule.masters.get(row.master)!;
    const price = row.guarantee_ticket === null ? priceOf(services, master, catalog).price : row.price + priceOf(added, master, catalog).price;
    q.updateServices.run(JSON.stringify(services), endMs, price, row.id);
    return toBooking(q.booking.get(row.id)!, calendar);
  }));

  const cancel = db.transaction((id: string, key?: string): Booking => once('cancelBooking', key, () => {
    const row = existingBooking(id);
    if (row.status === 'completed') throw new BookingNotActiveError(id, row.status);
    if (row.status === 'booked') q.cancelBooking.run(row.id);
    return toBooking(q.booking.get(row.id)!, calendar);
  }));

  const createTicket = db.transaction((input: ComplaintInput, key?: string): Ticket => once('createComplaintTicket', key, () => {
    const client = input.clientId === undefined ? undefined : clientRow(input.clientId);
    if (input.clientId !== undefined && !client) throw new ClientNotFoundError(input.clientId);
    const id = Number(q.insertTicket.run(
      clock().getTime(), client?.id ?? null, input.phone ?? null, input.branch, input.visitDate, input.master, input.service,
      input.description, input.photo ?? null, input.outcome, input.withinGuarantee ? 1 : 0, input.bookingId ?? null,
    ).lastInsertRowid);
    return toTicket(q.ticket.get(id)!, calendar);
  }));

  const updateTicket = db.transaction((id: string, input: ComplaintInput, key?: string): Ticket => once('updateComplaintTicket', key, () => {
    const numeric = parseId('T', id);
    if (numeric === undefined || !q.ticket.get(numeric)) throw new TicketNotFoundError(id);
    const client = input.clientId === undefined ? undefined : clientRow(input.clientId);
    if (input.clientId !== undefined && !client) throw new ClientNotFoundError(input.clientId);
    q.updateTicket.run(
      client?.id ?? null, input.phone ?? null, input.branch, input.visitDate, input.master, input.service,
      input.description, input.photo ?? null, input.outcome, input.withinGuarantee ? 1 : 0, input.bookingId ?? null, numeric,
    );
    return toTicket(q.ticket.get(numeric)!, calendar);
  }));

  return {
    ...createDemoFixtures(db, schedule, catalog, clock),
    seedDate: () => q.seedDate.get(SEED_DATE_KEY)?.value,

    async findFreeSlots(query) {
      const except = query.excludeBookingId === undefined ? -1 : parseId('B', query.excludeBookingId) ?? -1;
      const guest = guestOf(query.guest);
      return searchFreeSlots(schedule, rules.booking, clock().getTime(), query, (master, day) => busyOn(master, day, except), guest && ((day) => guestBusyOn(guest, day, except)));
    },

    createBooking: async (request, options?: WriteOptions) => create.immediate(request, options?.idempotencyKey),
    moveBooking: async (id, change, options?: WriteOptions) => move.immediate(id, change, options?.idempotencyKey),
    cancelBooking: async (id, options?: WriteOptions) => cancel.immediate(id, options?.idempotencyKey),
    addServices: async (id, serviceIds, options?: WriteOptions) => addServices.immediate(id, serviceIds, options?.idempotencyKey),

    async getBooking(id) {
      const numeric = parseId('B', id);
      const row = numeric === undefined ? undefined : q.booking.get(numeric);
      return row && toBooking(row, calendar);
    },

    async listBookings() {
      return q.allBookings.all().map((row) => toBooking(row, calendar));
    },

    async findClientByPhone(phone) {
      const row = q.clientByPhone.get(phone.trim());
      return row && toClient(row);
    },

    async findClientByUser(channel, userId) {
      const row = q.clientByUser.get(channel, userId);
      return row && toClient(row);
    },

    async linkClientUser(clientId, channel, userId) {
      const row = clientRow(clientId);
      if (!row) throw new ClientNotFoundError(clientId);
      q.linkUser.run(channel, userId, row.id);
    },

    async linkedUsers(clientId) {
      const row = clientRow(clientId);
      return row ? q.usersOf.all(row.id).map((u) => ({ channel: u.channel, userId: u.user_id })) : [];
    },

    async upcomingBookings(clientId) {
      const row = clientRow(clientId);
      return row ? q.upcoming.all(row.id, clock().getTime()).map((b) => toBooking(b, calendar)) : [];
    },

    async lastCompletedVisit(clientId) {
      const row = clientRow(clientId);
      const visit = row && q.completed.get(row.id);
      return visit && toBooking(visit, calendar);
    },

    async visitHistory(clientId) {
      const row = clientRow(clientId);
      return row ? q.completed.all(row.id).map((b) => toBooking(b, calendar)) : [];
    },

    createComplaintTicket: async (input: ComplaintInput, options?: WriteOptions): Promise<Ticket> => createTicket.immediate(input, options?.idempotencyKey),
    updateComplaintTicket: async (id: string, input: ComplaintInput, options?: WriteOptions): Promise<Ticket> => updateTicket.immediate(id, input, options?.idempotencyKey),
  };
}

/**
 * The CRM port: everything the dialogue engine asks of the salon's CRM. The engine ships a demo CRM
 * on its own SQLite database ({@link createDemoCrm}); a real salon plugs in its CRM (YCLIENTS, Altegio,
 * DIKIDI, 1C…) through an adapter that implements this interface.
 *
 * ## Writing an adapter for a real CRM
 *
 * 1. Put it in `connectors/crm/<vendor>/`, one file per concern (HTTP client, mapping, the adapter),
 *    and export a factory such as `createYclientsCrm({ baseUrl, token, catalog, rules, clock, fetch })`.
 *    Take the clock and the HTTP client as parameters, so tests freeze time and stub the network.
 * 2. Map ids both ways. The engine speaks catalog ids (`manicure_gel`, `tverskaya`, `olga`); keep the
 *    vendor's ids in the adapter's config (a `crm_id` table or map), never in `content/`.
 * 3. Times are ISO strings in salon time with the offset (`2026-11-27T15:00:00+03:00`). Convert from
 *    and to the vendor's format at the edge.
 * 4. `findFreeSlots` must honour the same rules as the demo: the vendor's schedule and bookings, plus
 *    the salon rules (`lead_minutes`, `horizon_days`, `grid_minutes`), `windows` bounding the START
 *    (both ends inclusive), nearest first, at most `limit` (default `max_offered_slots`), at most two
 *    offers with the same start. Most CRMs return free times per master and day: filter them here.
 *    `price` includes the top-master surcharge; use {@link priceOf} if the CRM does not price.
 *    With `guest`, leave out times that overlap another active booking of that client for the same
 *    person ({@link isSameGuest}): a guest is never offered a time on top of her own visit.
 * 5. `createBooking` and `moveBooking` must be safe against a race: if the vendor reports the time as
 *    busy (HTTP 409/422 or its own code), or the client already has a booking for the same person
 *    overlapping it, throw {@link SlotTakenError} with `reason: 'taken'`; the flow then offers other
 *    times. A `guaranteeFix` booking costs nothing (price 0, in the vendor's terms a 100 % discount or a
 *    zero-price record) and names its ticket; moving it keeps it free. A booking the vendor does not know is {@link BookingNotFoundError}.
 * 6. Keep "the CRM refused" apart from "the CRM could not be reached": network errors, timeouts and
 *    5xx become {@link CrmUnavailableError} (with the original as `cause`); the flow apologises and
 *    hands the guest over to an administrator. Retry idempotent reads once at most; never retry a
 *    create blindly (it may have succeeded).
 * 7. Do not enforce the 4-hour change rule in the adapter: flows call {@link canChangeBooking}.
 * 8. Complaint tickets may go to the CRM's task or comment API; if it has none, keep them in the
 *    engine's database and notify the staff chat.
 * 9. Every write (create, move, cancel, add services, ticket create/update) takes {@link WriteOptions}.
 *    When it carries an `idempotencyKey`, a second call with the same key must not write again: return
 *    the first call's result (remember key → result in the vendor's own idempotency header where it has
 *    one, e.g. `Idempotency-Key`, else in the engine's database next to the vendor's id, written in the
 *    same step as the vendor call's outcome). A key reused for another operation is a {@link CrmError}.
 *    The engine replays a message after a crash with the same keys: this is what keeps a guest from
 *    ending up with two bookings, or with one she was never told about.
 * 10. Reuse the demo CRM's test file as a contract test: run it against the adapter with a stubbed
 *    vendor API on 127.0.0.1.
 *
 * Every method is async: real CRMs are remote.
 */
import type { Booking, BookingRequest, Client, ComplaintInput, MoveRequest, SlotOffer, SlotQuery, Ticket, WriteOptions } from './types';

export interface Crm {
  /**
   * Free slots for the services (one master does all of them, back to back), nearest first.
   *
   * @example
   * await crm.findFreeSlots({ services: ['manicure_gel'], branch: 'tverskaya',
   *   windows: [{ from: '2026-11-27T18:00:00+03:00', to: '2026-11-27T22:00:00+03:00' }] });
   * // [{ start: '2026-11-27T18:00:00+03:00', end: '2026-11-27T19:30:00+03:00', branch: 'tverskaya',
   * //    master: 'olga', services: ['manicure_gel'], price: 3770, priceFrom: false, minutes: 90 }, …]
   */
  findFreeSlots(query: SlotQuery): Promise<SlotOffer[]>;

  /**
   * Books a slot, re-checking that it is still free.
   *
   * @throws {SlotTakenError} when the slot was taken meanwhile or breaks a booking rule.
   */
  createBooking(request: BookingRequest, options?: WriteOptions): Promise<Booking>;

  /**
   * Moves a booking to another start (and optionally another master of the same branch). Does not
   * apply the free-change window: see {@link canChangeBooking}.
   *
   * @throws {BookingNotFoundError} | {BookingNotActiveError} | {SlotTakenError}
   */
  moveBooking(id: string, change: MoveRequest, options?: WriteOptions): Promise<Booking>;

  /**
   * Cancels a booking; cancelling a cancelled one returns it unchanged. Does not apply the free-change
   * window: see {@link canChangeBooking}.
   *
   * @throws {BookingNotFoundError} | {BookingNotActiveError} (a completed visit)
   */
  cancelBooking(id: string, options?: WriteOptions): Promise<Booking>;

  /**
   * Adds services to a booking (an upsell after the booking is confirmed): the same master does them
   * right after the booked ones, so the visit gets longer and the price is recomputed. Services the
   * booking already has are not added twice. The longer visit must still meet the booking rules and
   * fit the master's free time before closing.
   *
   * @throws {BookingNotFoundError} | {BookingNotActiveError} | {SlotTakenError} (the longer visit
   *   overlaps another booking, `reason: 'taken'`, or breaks a rule, `reason: 'invalid'`) |
   *   {CrmError} for an unknown service id.
   * @example
   * await crm.addServices('B12', ['nail_design']);
   * // { id: 'B12', services: ['manicure_gel', 'nail_design'], end: '…T19:40:00+03:00', price: 3965, … }
   */
  addServices(bookingId: string, serviceIds: string[], options?: WriteOptions): Promise<Booking>;

  /** The booking with this id, if any. */
  getBooking(id: string): Promise<Booking | undefined>;

  /** Every booking, oldest first (for the CLI and staff tools). */
  listBookings(): Promise<Booking[]>;

  /** The client with this E.164 phone, if any. */
  findClientByPhone(phone: string): Promise<Client | undefined>;

  /** The client linked to this channel user (e.g. `telegram`, `123456`), if any. */
  findClientByUser(channel: string, userId: string): Promise<Client | undefined>;

  /**
   * Remembers that a channel user is this client, so the next conversation knows them.
   *
   * @throws {ClientNotFoundError}
   */
  linkClientUser(clientId: string, channel: string, userId: string): Promise<void>;

  /**
   * The channel users linked to the client (where she wrote from, verified), e.g. to send her a
   * one-time code there. Links are made only for verified identities (see the README's identity policy).
   */
  linkedUsers(clientId: string): Promise<Array<{ channel: string; userId: string }>>;

  /** The client's booked visits that start after now, nearest first. */
  upcomingBookings(clientId: string): Promise<Booking[]>;

  /** The client's most recent completed visit ("как в прошлый раз"), if any. */
  lastCompletedVisit(clientId: string): Promise<Booking | undefined>;

  /** The client's completed visits, newest first. */
  visitHistory(clientId: string): Promise<Booking[]>;

  /** Records a complaint for the senior administrator. */
  createComplaintTicket(input: ComplaintInput, options?: WriteOptions): Promise<Ticket>;

  /**
   * Replaces what a stored complaint says (the guest corrected the master, the date…), keeping its id.
   *
   * @throws {TicketNotFoundError} for an unknown id.
   */
  updateComplaintTicket(id: string, input: ComplaintInput, options?: WriteOptions): Promise<Ticket>;
}

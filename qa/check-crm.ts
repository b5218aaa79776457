/**
 * Checks the CRM after a step: a booking exists (or was cancelled, or does not exist) with the given
 * fields, a complaint ticket exists. Fields match partially (see `valueMatches`).
 */
import type { Booking, Ticket, DemoCrmFixtures, Crm } from '../crm';
import type { Failure } from './check-turn';
import { show, valueMatches } from './match';
import type { CrmExpectation } from './types';

/** How many near misses a failed CRM expectation shows. */
const CLOSEST = 3;

/** What the checks read: the CRM's bookings and the demo CRM's tickets. */
export type CheckedCrm = Pick<Crm, 'listBookings'> & Pick<DemoCrmFixtures, 'listTickets'>;

/**
 * The failures of the CRM against the expectations (empty when all hold). `since` (the case's clock)
 * picks the bookings worth showing when nothing matches: those made or changed during the case.
 */
export async function checkCrm(crm: CheckedCrm, expectations: readonly CrmExpectation[], since: string): Promise<Failure[]> {
  if (expectations.length === 0) return [];
  const bookings = await crm.listBookings();
  const tickets = expectations.some((e) => e.kind.includes('ticket')) ? await crm.listTickets() : [];
  const failures: Failure[] = [];
  for (const expectation of expectations) {
    const { kind, fields } = expectation;
    const what = `crm.${kind}`;
    const place = { file: expectation.file, line: expectation.line };
    switch (kind) {
      case 'booking_exists':
      case 'booking_cancelled': {
        const status = kind === 'booking_cancelled' ? 'cancelled' : 'booked';
        const wanted = { status, ...fields };
        if (bookings.some((b) => valueMatches(b, wanted))) break;
        failures.push({ ...place, what, expected: `a booking with ${show(wanted)}`, actual: closest(bookings, wanted, since).map(describeBooking).join('\n') || 'no such booking' });
        break;
      }
      case 'no_booking': {
        const wanted = { status: 'booked', ...fields };
        const found = bookings.filter((b) => valueMatches(b, wanted));
        if (found.length) failures.push({ ...place, what, expected: `no booking with ${show(wanted)}`, actual: found.map(describeBooking).join('\n') });
        break;
      }
      case 'ticket_exists': {
        if (tickets.some((t) => valueMatches(t, fields))) break;
        failures.push({ ...place, what, expected: `a ticket with ${show(fields)}`, actual: tickets.length ? tickets.map(describeTicket).join('\n') : 'no tickets' });
        break;
      }
      case 'no_ticket': {
        const found = tickets.filter((t) => valueMatches(t, fields));
        if (found.length) failures.push({ ...place, what, expected: `no ticket with ${show(fields)}`, actual: found.map(describeTicket).join('\n') });
        break;
      }
    }
  }
  return failures;
}

/** The bookings most like the wanted one: made during the case, or sharing the phone, by matching fields. */
function closest(bookings: Booking[], wanted: Record<string, unknown>, since: string): Booking[] {
  const sinceMs = Date.parse(since);
  const relevant = bookings.filter((b) => Date.parse(b.createdAt) >= sinceMs || (typeof wanted.phone === 'string' && b.phone === wanted.phone));
  const score = (b: Booking) => Object.entries(wanted).filter(([key, value]) => valueMatches((b as unknown as Record<string, unknown>)[key], value)).length;
  return relevant.map((b) => ({ b, s: score(b) })).sort((x, y) => y.s - x.s).slice(0, CLOSEST).map((x) => x.b);
}

function describeBooking(b: Booking): string {
  return `${b.id} ${b.status} ${b.start} ${b.branch} ${b.master} ${show(b.services)} ${show(b.guestName)} ${b.phone}`;
}

function describeTicket(t: Ticket): string {
  return show({ id: t.id, branch: t.branch, visitDate: t.visitDate, master: t.master, service: t.service, outcome: t.outcome, withinGuarantee: t.withinGuarantee, photo: t.photo, description: t.description });
}

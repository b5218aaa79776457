/**
 * The free-change rule: a guest may move or cancel a booking up to `changes.free_until_hours` before its
 * start; later, the assistant hands the guest over to an administrator. The CRM does not enforce it
 * (staff may still change a booking); flows ask this function first.
 */
import type { Rules } from '../salon';
import type { Booking } from './types';

const HOUR_MS = 3_600_000;

export interface ChangePermission {
  /** True when the assistant may move or cancel the booking itself. */
  allowed: boolean;
  /** Hours from now to the start (negative once it has started). */
  hoursLeft: number;
}

/**
 * Whether the assistant may change the booking now: it is booked and starts at least
 * `free_until_hours` from now (exactly 4 hours before is still allowed).
 *
 * @example
 * canChangeBooking({ status: 'booked', start: '2026-11-24T17:00:00+03:00' }, new Date('2026-11-24T12:00:00+03:00'), rules);
 * // { allowed: true, hoursLeft: 5 }
 * canChangeBooking({ status: 'booked', start: '2026-11-24T15:00:00+03:00' }, new Date('2026-11-24T12:00:00+03:00'), rules);
 * // { allowed: false, hoursLeft: 3 }
 */
export function canChangeBooking(booking: Pick<Booking, 'status' | 'start'>, now: Date, rules: Pick<Rules, 'changes'>): ChangePermission {
  const hoursLeft = (Date.parse(booking.start) - now.getTime()) / HOUR_MS;
  return { allowed: booking.status === 'booked' && hoursLeft >= rules.changes.free_until_hours, hoursLeft };
}

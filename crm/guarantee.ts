/**
 * The guarantee on a visit: a service's `guarantee_days` in the catalog (gel polish 7 days, nail
 * extension 5, haircut 7, lash extension 3), counted in salon calendar days from the visit's date.
 */
import type { Catalog } from '../salon';
import { salonCalendar } from './salon-calendar';
import type { Booking } from './types';

export interface GuaranteeStatus {
  /** True when the guarantee still covers the visit today. */
  within: boolean;
  /** The service's guarantee days; 0 when it has none. */
  days: number;
  /** The last day covered, `YYYY-MM-DD` (the visit's date plus `days`). */
  until: string;
}

/**
 * Whether a visit's service is still under guarantee. The visit's `start` may be an ISO date-time or a
 * plain `YYYY-MM-DD` (a date the guest named). A visit on the 1st with 7 days is covered to the 8th
 * inclusive; a service without a guarantee (or an unknown id) is never within.
 *
 * @example
 * guaranteeFor({ start: '2026-11-21T12:00:00+03:00' }, 'manicure_gel', catalog, new Date('2026-11-24T12:00:00+03:00'));
 * // { within: true, days: 7, until: '2026-11-28' }
 */
export function guaranteeFor(visit: Pick<Booking, 'start'>, serviceId: string, catalog: Catalog, now: Date): GuaranteeStatus {
  const calendar = salonCalendar(catalog.timezone, now);
  const visitDay = /^\d{4}-\d\d-\d\d$/.test(visit.start) ? calendar.dayOfDate(visit.start) : calendar.dayOf(calendar.parse(visit.start));
  const days = catalog.services.find((s) => s.id === serviceId)?.guarantee_days ?? 0;
  const lastDay = visitDay + days;
  return { within: days > 0 && calendar.dayOf(now.getTime()) <= lastDay, days, until: calendar.date(lastDay) };
}

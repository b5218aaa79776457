/**
 * The visit a complaint is about: found in the client's recent history from what the guest said, its
 * day as a `when` value, and the guarantee that covers it.
 */
import { guaranteeFor, type Booking, type GuaranteeStatus } from '../crm';
import type { WhenValue } from '../nlu';
import { formatDate } from '../salon';
import type { SalonContext } from './deps';
import { namedMaster, servicesSlot, textSlot, whenSlot } from './read-slots';

/** How far back the history is searched for the visit a complaint is about. */
export const COMPLAINT_HISTORY_DAYS = 60;

const MINUTE_MS = 60_000;

type Slots = Readonly<Record<string, unknown>>;

/**
 * The most recent completed visit of the last {@link COMPLAINT_HISTORY_DAYS} days that agrees with
 * what the guest already said (branch, named master, one of the services, a day of `visit_date`).
 */
export function matchingVisit(history: readonly Booking[], slots: Slots, context: Pick<SalonContext, 'calendar'>, now: Date): Booking | undefined {
  const { calendar } = context;
  const today = calendar.dayOf(now.getTime());
  const branch = textSlot(slots, 'branch');
  const master = namedMaster(slots);
  const services = servicesSlot(slots);
  const when = whenSlot(slots, 'visit_date');
  const days = (when?.windows ?? []).map((w) => ({ from: dayOfIso(w.from, context), to: dayOfIso(w.to, context) }));
  return [...history]
    .filter((visit) => visit.status === 'completed')
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start))
    .find((visit) => {
      const day = dayOfIso(visit.start, context);
      if (day === undefined) return false;
      return day <= today && today - day <= COMPLAINT_HISTORY_DAYS
        && (branch === undefined || visit.branch === branch)
        && (master === undefined || visit.master === master)
        && (services === undefined || services.some((id) => visit.services.includes(id)))
        && (days.length === 0 || days.some((d) => d.from !== undefined && d.to !== undefined && d.from <= day && day <= d.to));
    });
}

/**
 * A day as a `when` value: one window from its first to its last minute, named by its date.
 *
 * @example dayWhen('2026-11-21T14:00:00+03:00', context) // { windows: [{ from: '2026-11-21T00:00:00+03:00', to: '2026-11-21T23:59:00+03:00' }], source: '21 ноября' }
 */
export function dayWhen(iso: string, context: Pick<SalonContext, 'calendar' | 'catalog'>): WhenValue {
  const { calendar } = context;
  const day = calendar.dayOf(calendar.parse(iso));
  return {
    windows: [{ from: calendar.iso(calendar.dayStart(day)), to: calendar.iso(calendar.dayStart(day + 1) - MINUTE_MS) }],
    source: formatDate(calendar.date(day), { timeZone: context.catalog.timezone }),
  };
}

/** The visit's date (`YYYY-MM-DD`, salon time): the first day of `visit_date`. */
export function visitDateOf(slots: Slots, context: Pick<SalonContext, 'calendar'>): string | undefined {
  const from = whenSlot(slots, 'visit_date')?.windows[0]?.from;
  const day = from === undefined ? undefined : dayOfIso(from, context);
  return day === undefined ? undefined : context.calendar.date(day);
}

/**
 * The guarantee on the visit of `visit_date` for the complained service: of the services named, the
 * first still covered, else the first that has a guarantee, else the first.
 */
export function complaintGuarantee(slots: Slots, context: Pick<SalonContext, 'calendar' | 'catalog'>, now: Date): { service: string; guarantee: GuaranteeStatus } | undefined {
  const date = visitDateOf(slots, context);
  const services = servicesSlot(slots);
  if (date === undefined || services === undefined) return undefined;
  const all = services.map((service) => ({ service, guarantee: guaranteeFor({ start: date }, service, context.catalog, now) }));
  return all.find((g) => g.guarantee.within) ?? all.find((g) => g.guarantee.days > 0) ?? all[0];
}

/** The salon day of an ISO time (one without an offset is salon time), or undefined when it is not one. */
function dayOfIso(iso: string, context: Pick<SalonContext, 'calendar'>): number | undefined {
  try {
    return context.calendar.dayOf(context.calendar.parse(iso));
  } catch {
    return undefined;
  }
}

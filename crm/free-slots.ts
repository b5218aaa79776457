/**
 * The free-slot search, pure apart from a lookup of each master's busy intervals: it walks the days and
 * the grid from the lead time to the horizon (or within the guest's windows), nearest first, and keeps at
 * most two offers per start time so the guest sees different times.
 */
import type { Master, BookingRules } from '../salon';
import { CrmError } from './errors';
import { priceOf, type VisitPrice } from './price';
import type { Schedule } from './schedule';
import { canDo, durationOf } from './slot-rules';
import type { SlotOffer, SlotQuery } from './types';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** How many offers may share one start time (with different masters). */
export const MAX_OFFERS_PER_START = 2;

/** A taken interval of a master, as instants; `end` exclusive. */
export interface BusyInterval {
  start: number;
  end: number;
}

/** The master's taken intervals that start on this local day, sorted by start. */
export type BusyLookup = (master: string, day: number) => readonly BusyInterval[];

/** The guest's own taken intervals (her other bookings, any master or salon) that touch this local day. */
export type GuestBusyLookup = (day: number) => readonly BusyInterval[];

/**
 * Free slots for a query, nearest first. A slot is free when one master does all the services back to
 * back within the working hours of the day, on the grid, between the lead time and the horizon, inside
 * one of the windows (when given; they bound the start, both ends inclusive) and overlapping none of
 * the master's busy intervals, nor, with `guestBusy`, the guest's own other bookings. `asap` needs
 * nothing more: the order is already nearest first.
 *
 * @throws {CrmError} for an empty service list or an unknown service, branch or master id.
 * @example
 * searchFreeSlots(schedule, rules.booking, now, { services: ['manicure_gel'], branch: 'tverskaya' }, busy);
 * // [{ start: '2026-11-24T14:00:00+03:00', master: 'olga', … }, { start: '2026-11-24T14:00:00+03:00', master: 'marina', … }, …]
 */
export function searchFreeSlots(schedule: Schedule, rules: BookingRules, nowMs: number, query: SlotQuery, busy: BusyLookup, guestBusy?: GuestBusyLookup): SlotOffer[] {
  const candidates = candidateMasters(schedule, query);
  const limit = query.limit ?? rules.max_offered_slots;
  if (candidates.length === 0 || limit <= 0) return [];

  const { calendar } = schedule;
  const minutes = durationOf(query.services, schedule);
  const prices = new Map<string, VisitPrice>(candidates.map((m) => [m.id, priceOf(query.services, m, schedule.catalog)]));
  let from = nowMs + rules.lead_minutes * MINUTE_MS;
  let to = nowMs + rules.horizon_days * DAY_MS;
  const windows = (query.windows ?? [])
    .map((w) => ({ from: calendar.parse(w.from), to: calendar.parse(w.to) }))
    .filter((w) => w.from <= w.to && w.to >= from && w.from <= to);
  if (query.windows?.length) {
    if (windows.length === 0) return [];
    from = Math.max(from, Math.min(...windows.map((w) => w.from)));
    to = Math.min(to, Math.max(...windows.map((w) => w.to)));
  }
  const inWindows = (ms: number): boolean => windows.length === 0 || windows.some((w) => w.from <= ms && ms <= w.to);

  const offers: SlotOffer[] = [];
  for (let day = calendar.dayOf(from); day <= calendar.dayOf(to); day++) {
    const dayStart = calendar.dayStart(day);
    if (windows.length > 0 && !windows.some((w) => w.from < dayStart + DAY_MS && w.to >= dayStart)) continue;
    const working = candidates
      .map((master) => ({ master, hours: schedule.hoursOf(master.id, day), busy: undefined as readonly BusyInterval[] | undefined }))
      .filter((w) => w.hours !== undefined);
    if (working.length === 0) continue;
    const hers = guestBusy?.(day) ?? [];
    const open = Math.min(...working.map((w) => w.hours!.open));
    const close = Math.max(...working.map((w) => w.hours!.close));
    for (let minute = Math.ceil(open / rules.grid_minutes) * rules.grid_minutes; minute + minutes <= close; minute += rules.grid_minutes) {
      const start = dayStart + minute * MINUTE_MS;
      if (start < from) continue;
      if (start > to) return offers;
      if (!inWindows(start)) continue;
      const end = start + minutes * MINUTE_MS;
      if (hers.some((b) => b.start < end && b.end > start)) continue;
      let sameStart = 0;
      for (const w of working) {
        if (minute < w.hours!.open || minute + minutes > w.hours!.close) continue;
        w.busy ??= busy(w.master.id, day);
        if (w.busy.some((b) => b.start < end && b.end > start)) continue;
        const { price, priceFrom } = prices.get(w.master.id)!;
        offers.push({ start: calendar.iso(start), end: calendar.iso(end), branch: w.master.branch, master: w.master.id, services: [...query.services], price, priceFrom, minutes });
        if (offers.length >= limit) return offers;
        if (++sameStart >= MAX_OFFERS_PER_START) break;
      }
    }
  }
  return offers;
}

/** The masters who do every requested service at a branch that offers them, in catalog order. */
function candidateMasters(schedule: Schedule, query: SlotQuery): Master[] {
  if (query.services.length === 0) throw new CrmError('a slot search needs at least one service', { hint: 'pass catalog service ids, e.g. ["manicure_gel"]' });
  query.services.forEach((id) => schedule.service(id));
  if (query.branch !== undefined && !schedule.branches.has(query.branch)) {
    throw new CrmError(`unknown branch "${query.branch}"`, { hint: `use a branch id of the catalog: ${[...schedule.branches.keys()].join(', ')}` });
  }
  if (query.master !== undefined && !schedule.masters.has(query.master)) {
    throw new CrmError(`unknown master "${query.master}"`, { hint: `use a master id of the catalog: ${[...schedule.masters.keys()].join(', ')}` });
  }
  return schedule.catalog.masters.filter((m) =>
    (query.branch === undefined || m.branch === query.branch)
    && (query.master === undefined || m.id === query.master)
    && canDo(schedule, m.id, m.branch, query.services) === undefined);
}

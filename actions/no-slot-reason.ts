/**
 * Why nothing is free for a wish, from the catalog alone: the master does not work that day, the salon is
 * closed then, the services take longer than is left before closing, or the time is simply taken. Pure:
 * the CRM is not asked (it only said «nothing»).
 */
import type { SlotQuery, TimeWindow } from '../crm';
import { minutesOfDay } from '../crm';
import type { Weekday } from '../salon';
import type { SalonContext } from './deps';

/** The reason, with what its words need; `day` is the wish's first day (YYYY-MM-DD). */
export type NoSlotReason =
  | { reason: 'master_day_off'; master: string; weekday: Weekday; day: string }
  | { reason: 'closed'; branch?: string; day: string }
  | { reason: 'too_long'; branch?: string; latest: string; minutes: number; day: string }
  | { reason: 'taken'; day?: string; days: number };

type ReasonContext = Pick<SalonContext, 'calendar' | 'masters' | 'branches' | 'services' | 'catalog' | 'rules'>;

/**
 * The reason nothing is free for the query.
 *
 * @example
 * noSlotReason({ services: ['manicure_gel'], master: 'olga', windows: [saturday] }, context)
 * // { reason: 'master_day_off', master: 'olga', weekday: 'sat', day: '2026-11-28' }
 */
export function noSlotReason(query: SlotQuery, context: ReasonContext): NoSlotReason {
  const { calendar } = context;
  const spans = (query.windows ?? []).map((w) => span(w, context));
  const days = [...new Set(spans.flatMap((s) => s.days))];
  if (days.length === 0) return { reason: 'taken', days: 0 };
  const day = calendar.date(days[0]);
  const master = query.master ? context.masters.get(query.master) : undefined;
  if (master && days.every((d) => !master.days.includes(calendar.weekday(d)))) {
    return { reason: 'master_day_off', master: master.id, weekday: calendar.weekday(days[0]), day };
  }
  const branches = master ? [master.branch] : query.branch ? [query.branch] : offering(query.services, context);
  const minutes = query.services.reduce((sum, id) => sum + (context.services.get(id)?.minutes ?? 0), 0);
  const grid = context.rules.booking.grid_minutes;
  let open = false;
  let latest: number | undefined;
  for (const s of spans) {
    for (const d of s.days) {
      for (const branchId of branches) {
        const hours = context.branches.get(branchId)?.hours[calendar.weekday(d)];
        if (!hours) continue;
        const [opens, closes] = [minutesOfDay(hours.slice(0, 5)), minutesOfDay(hours.slice(6))];
        const from = Math.max(opens, d === s.days[0] ? s.fromMinute : 0);
        const to = Math.min(closes, d === s.days[s.days.length - 1] ? s.toMinute : 1440);
        if (from >= closes || to < opens) continue;
        open = true;
        const lastStart = Math.floor((closes - minutes) / grid) * grid;
        if (from <= Math.min(to, lastStart)) return { reason: 'taken', day, days: days.length };
        latest = Math.max(latest ?? -1, lastStart);
      }
    }
  }
  const branch = branches.length === 1 ? branches[0] : undefined;
  if (!open) return { reason: 'closed', ...(branch && { branch }), day };
  return { reason: 'too_long', ...(branch && { branch }), latest: hhmm(latest ?? 0), minutes, day };
}

/** The local days a window's starts fall on, and its first and last minute on them. */
function span(window: TimeWindow, { calendar }: Pick<SalonContext, 'calendar'>): { days: number[]; fromMinute: number; toMinute: number } {
  const from = calendar.parse(window.from);
  const to = calendar.parse(window.to);
  const first = calendar.dayOf(from);
  const last = Math.max(first, calendar.dayOf(to));
  const days = Array.from({ length: Math.min(last - first + 1, 31) }, (_, i) => first + i);
  return { days, fromMinute: (from - calendar.dayStart(first)) / 60_000, toMinute: (to - calendar.dayStart(last)) / 60_000 };
}

/** The branches that offer every service (all when none does). */
function offering(services: readonly string[], context: ReasonContext): string[] {
  const all = context.catalog.branches.map((b) => b.id);
  const fit = all.filter((b) => services.every((id) => context.services.get(id)?.branches.includes(b)));
  return fit.length > 0 ? fit : all;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

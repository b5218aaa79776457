/**
 * Turns the found pieces into day × time-of-day windows.
 *
 * Pieces are grouped in reading order: "завтра утром или в субботу вечером" is two groups
 * (tomorrow × morning, Saturday × evening); "в пт или сб после 6" is one (both days × after 18:00).
 * A new group starts when the current one already has days and times and, after "или" / "и" / a
 * comma, the kind it started with comes again. Inside a group a clock is read with the part of the
 * day next to it ("утром в 8" = 08:00) and limited to it ("вечером после 7" = 19:00–closing).
 */

import { dayRange, instantAt, weekdayOf } from './calendar';
import { clockInterval } from './clock';
import { AnyDayItem, Candidate, ClockItem, DayItem, PeriodItem, WhenContext, WhenItem } from './items';

type DayLike = DayItem | AnyDayItem;
type TimeLike = PeriodItem | ClockItem;

interface Group {
  first: 'day' | 'time';
  days: DayLike[];
  times: TimeLike[];
}

/** A window as epoch ms, both ends inclusive. */
export interface RawWindow {
  from: number;
  to: number;
}

const GROUP_SEPARATOR = /(?<![а-яa-z0-9])(?:или|либо|и|а)(?![а-яa-z0-9])|[,;]/;
const ALTERNATIVE = /(?<![а-яa-z0-9])(?:или|либо)(?![а-яa-z0-9])/;

/**
 * Keeps the best non-overlapping candidates: longer spans first, then higher priority, then the
 * earlier one. Guards ("void") block what they overlap and are dropped afterwards.
 */
export function selectItems(candidates: Candidate[]): WhenItem[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      b.item.end - b.item.start - (a.item.end - a.item.start) ||
      b.priority - a.priority ||
      a.item.start - b.item.start,
  );
  const taken: WhenItem[] = [];
  for (const { item } of sorted) {
    if (item.end <= item.start) continue;
    if (taken.some((t) => item.start < t.end && t.start < item.end)) continue;
    taken.push(item);
  }
  return taken.filter((i) => i.kind !== 'void').sort((a, b) => a.start - b.start);
}

function isDayLike(item: WhenItem): item is DayLike {
  return item.kind === 'day' || item.kind === 'anyday';
}

function isTimeLike(item: WhenItem): item is TimeLike {
  return item.kind === 'period' || item.kind === 'clock';
}

function between(text: string, a: WhenItem, b: WhenItem): string {
  return a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start);
}

function buildGroups(items: WhenItem[], text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let previous: WhenItem | null = null;
  for (const item of items) {
    if (!isDayLike(item) && !isTimeLike(item)) continue;
    const kind = isDayLike(item) ? 'day' : 'time';
    const complete = current !== null && current.days.length > 0 && current.times.length > 0;
    const separated = previous !== null && GROUP_SEPARATOR.test(between(text, previous, item));
    if (current === null || (complete && kind === current.first && separated)) {
      current = { first: kind, days: [], times: [] };
      groups.push(current);
    }
    if (isDayLike(item)) current.days.push(item);
    else current.times.push(item);
    previous = item;
  }
  return groups;
}

/** "не раньше 12 и не позже 15" → one range 12:00–15:00. */
function joinOpenEnds(clocks: ClockItem[], text: string): ClockItem[] {
  const used = new Set<ClockItem>();
  const out: ClockItem[] = [];
  for (const c of clocks) {
    if (used.has(c)) continue;
    const opensFrom = c.from !== null && c.to === null;
    const opensTo = c.from === null && c.to !== null;
    const partner = clocks.find(
      (d) =>
        d !== c &&
        !used.has(d) &&
        ((opensFrom && d.from === null && d.to !== null) || (opensTo && d.from !== null && d.to === null)) &&
        !ALTERNATIVE.test(between(text, c, d)),
    );
    if (partner && (opensFrom || opensTo)) {
      used.add(c);
      used.add(partner);
      out.push({
        kind: 'clock',
        start: Math.min(c.start, partner.start),
        end: Math.max(c.end, partner.end),
        from: opensFrom ? c.from : partner.from,
        to: opensFrom ? partner.to : c.to,
      });
    } else {
      out.push(c);
    }
  }
  return out;
}

function intersect(a: RawWindow, b: RawWindow): RawWindow | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : null;
}

/** The minutes intervals of a group's time pieces (empty when none of them is feasible). */
function timeIntervals(times: TimeLike[], text: string, ctx: WhenContext): RawWindow[] {
  const periods = times.filter((t): t is PeriodItem => t.kind === 'period');
  const clocks = joinOpenEnds(
    times.filter((t): t is ClockItem => t.kind === 'clock'),
    text,
  );
  const usedPeriods = new Set<PeriodItem>();
  const out: RawWindow[] = [];
  for (const clock of clocks) {
    const period = periods
      .filter((p) => !ALTERNATIVE.test(between(text, p, clock)))
      .sort((a, b) => Math.abs(a.start - clock.start) - Math.abs(b.start - clock.start))[0];
    if (period) usedPeriods.add(period);
    const interval = clockInterval(clock, ctx, period?.meridiem);
    if (interval === null) continue;
    // An explicit clock outside the named part of the day wins over it ("вечером в 16").
    out.push((period && intersect(interval, period)) || interval);
  }
  for (const period of periods) {
    if (!usedPeriods.has(period) && period.from <= period.to) out.push({ from: period.from, to: period.to });
  }
  return out;
}

function groupDays(group: Group, ctx: WhenContext): number[] {
  if (group.days.length === 0 || group.days.some((d) => d.kind === 'anyday')) {
    return dayRange(ctx.firstDay, ctx.lastDay);
  }
  const days = group.days.filter((d): d is DayItem => d.kind === 'day');
  // "на следующей неделе во вторник": the Tuesday of that week, not the week and a Tuesday.
  const weeks = days.filter((d) => d.week);
  const others = days.filter((d) => !d.week);
  if (weeks.length > 0 && others.length > 0) {
    const weekdays = new Set(others.flatMap((d) => d.days.map(weekdayOf)));
    return [...new Set(weeks.flatMap((w) => w.days.filter((d) => weekdays.has(weekdayOf(d)))))].sort((a, b) => a - b);
  }
  const set = new Set<number>();
  for (const item of days) for (const d of item.days) set.add(d);
  return [...set].sort((a, b) => a - b);
}

/**
 * The raw windows (epoch ms) of the selected pieces, before clipping: days × times per group;
 * only "как можно скорее" gives now … horizon (looking ahead).
 */
export function buildWindows(items: WhenItem[], text: string, ctx: WhenContext): RawWindow[] {
  const groups = buildGroups(items, text);
  const out: RawWindow[] = [];
  for (const group of groups) {
    const intervals =
      group.times.length > 0 ? timeIntervals(group.times, text, ctx) : [{ from: ctx.dayStart, to: ctx.dayEnd }];
    for (const day of groupDays(group, ctx)) {
      for (const iv of intervals) out.push({ from: instantAt(day, iv.from), to: instantAt(day, iv.to) });
    }
  }
  // "Как можно скорее" asks for a coming slot: it says nothing of a past visit.
  if (groups.length === 0 && ctx.direction === 'future' && items.some((i) => i.kind === 'asap')) {
    out.push({ from: ctx.now, to: ctx.horizonEnd });
  }
  return out;
}

/** True when any piece asks for the soonest slot. */
export function isAsap(items: WhenItem[]): boolean {
  return items.some((i) => i.kind === 'asap' || (i.kind === 'day' && i.asap === true));
}

/**
 * Calendar arithmetic in the salon's time zone, Europe/Moscow (UTC+3, no DST).
 *
 * A "day" is an integer: the number of Moscow calendar days since 1970-01-01. Minutes are minutes
 * after Moscow midnight. Everything goes through UTC getters with a fixed offset, so the process
 * time zone (tests run with TZ=UTC) never matters.
 */

const MSK_OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date (month 1..12). */
export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

/** The Moscow calendar day that contains the instant. */
export function mskDay(instantMs: number): number {
  return Math.floor((instantMs + MSK_OFFSET_MS) / DAY_MS);
}

/** The day number of a calendar date (no validation; use `isValidDate` first). */
export function dayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The calendar date of a day number. */
export function dateOf(day: number): CivilDate {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** True when the date exists (no 31 November, 29 February only in leap years). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const back = dateOf(dayOf(y, m, d));
  return back.y === y && back.m === m && back.d === d;
}

/** Weekday of a day, 0 = Sunday … 6 = Saturday (JavaScript and chrono numbering). */
export function weekdayOf(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The Monday of the (Monday-first) week that contains the day. */
export function mondayOf(day: number): number {
  return day - ((weekdayOf(day) + 6) % 7);
}

/** The instant (epoch ms) of a Moscow day at the given minutes after midnight. */
export function instantAt(day: number, minutes: number): number {
  return day * DAY_MS + minutes * 60_000 - MSK_OFFSET_MS;
}

/**
 * Formats an instant as an ISO string in Moscow time with the `+03:00` offset, to the second.
 *
 * @example formatMsk(Date.UTC(2026, 10, 27, 15)) // "2026-11-27T18:00:00+03:00"
 */
export function formatMsk(instantMs: number): string {
  const local = instantMs + MSK_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const date = isoDateOf(day);
  // Outside years 0–9999 toISOString has a longer, signed year: let it write the whole text.
  if (date === undefined || !Number.isInteger(local)) return new Date(local).toISOString().slice(0, 19) + '+03:00';
  const seconds = Math.floor((local - day * DAY_MS) / 1000);
  return `${date}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}+03:00`;
}

/**
 * "YYYY-MM-DD" of day numbers already written: windows fall on the same few dozen days, and a Date with
 * toISOString per window end was most of the cost of finishing them. Bounded, as any day may come.
 */
const isoDates = new Map<number, string | undefined>();
const MAX_ISO_DATES = 4096;

function isoDateOf(day: number): string | undefined {
  let date = isoDates.get(day);
  if (date === undefined && !isoDates.has(day)) {
    const iso = Number.isFinite(day) ? new Date(day * DAY_MS).toISOString() : '';
    date = /^\d{4}-/.test(iso) ? iso.slice(0, 10) : undefined;
    if (isoDates.size >= MAX_ISO_DATES) isoDates.clear();
    isoDates.set(day, date);
  }
  return date;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The nearest day on or after `fromDay` whose date is day-of-month `d` (in `month` if given). */
export function nextDayOfMonth(fromDay: number, d: number, month?: number): number | null {
  const start = dateOf(fromDay);
  let y = start.y;
  let m = month ?? start.m;
  if (month !== undefined && month < start.m) y += 1;
  // At most a few years ahead: enough for 29 February, bounded so a bad input cannot loop.
  for (let i = 0; i < 60; i++) {
    if (isValidDate(y, m, d) && dayOf(y, m, d) >= fromDay) return dayOf(y, m, d);
    if (month !== undefined) {
      y += 1;
    } else {
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
  }
  return null;
}

/** The days from `first` to `last` inclusive (empty when last < first). */
export function dayRange(first: number, last: number): number[] {
  const out: number[] = [];
  for (let day = first; day <= last; day++) out.push(day);
  return out;
}

/** The nearest day on or before `fromDay` whose date is day-of-month `d` (in `month` if given). */
export function previousDayOfMonth(fromDay: number, d: number, month?: number): number | null {
  const start = dateOf(fromDay);
  let y = start.y;
  let m = month ?? start.m;
  if (month !== undefined && month > start.m) y -= 1;
  // As `nextDayOfMonth`, a few years back at most.
  for (let i = 0; i < 60; i++) {
    if (isValidDate(y, m, d) && dayOf(y, m, d) <= fromDay) return dayOf(y, m, d);
    if (month !== undefined) {
      y -= 1;
    } else {
      m -= 1;
      if (m < 1) {
        m = 12;
        y -= 1;
      }
    }
  }
  return null;
}

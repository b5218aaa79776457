/**
 * Dates and times as guests read them, in the salon's time zone (never the process's): "пт, 27 ноября,
 * 18:00", "завтра, 25 ноября, 18:00", "ежедневно 10:00–22:00". Pure: "now" is passed in.
 */
import { CocoError, BoundedMemo } from '../../common';
import { WEEKDAYS, type Branch, type Weekday } from '../catalog';

/** Where and when: the salon's IANA time zone (the catalog's `timezone`) and, for relative words, now. */
export interface TimeOptions {
  timeZone: string;
  /** With it, today's and tomorrow's dates read "сегодня" and "завтра". */
  now?: Date | string | number;
}

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const WEEKDAY_SHORT: Record<Weekday, string> = { mon: 'пн', tue: 'вт', wed: 'ср', thu: 'чт', fri: 'пт', sat: 'сб', sun: 'вс' };
const WEEKDAY_ON: Record<Weekday, string> = {
  mon: 'в понедельник', tue: 'во вторник', wed: 'в среду', thu: 'в четверг', fri: 'в пятницу', sat: 'в субботу', sun: 'в воскресенье',
};
const DAY_MS = 86_400_000;

/** A moment as the salon's wall clock shows it (shared through the memo: never changed after it is made). */
interface WallTime {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  /** Days since 1970-01-01 of the local date. */
  readonly dayNumber: number;
  readonly weekday: Weekday;
  /** "18:00"; absent for a date without a time. */
  readonly time?: string;
}

/**
 * A start time for a guest: "пт, 27 ноября, 18:00", or "сегодня, …" / "завтра, …" relative to `now`.
 * An ISO time with an offset is shown in the salon's zone; one without an offset is salon time already.
 * Text that is not an ISO date is returned unchanged.
 *
 * @example
 * formatSlotTime('2026-11-27T15:00:00Z', { timeZone: 'Europe/Moscow' });              // "пт, 27 ноября, 18:00"
 * formatSlotTime('2026-11-25T18:00:00+03:00', { timeZone: 'Europe/Moscow', now: '2026-11-24T12:00:00+03:00' });
 * // "завтра, 25 ноября, 18:00"
 */
export function formatSlotTime(iso: string, options: TimeOptions): string {
  const wall = wallTime(iso, options.timeZone);
  if (!wall) return iso;
  const today = nowWall(options)?.dayNumber;
  const relative = today === undefined ? undefined : ['сегодня', 'завтра'][wall.dayNumber - today];
  const date = `${relative ?? WEEKDAY_SHORT[wall.weekday]}, ${wall.day} ${MONTHS[wall.month - 1]}`;
  return wall.time ? `${date}, ${wall.time}` : date;
}

/**
 * A date for a guest: "27 ноября"; with `now` in another year, "30 декабря 2025". Takes `YYYY-MM-DD`
 * or an ISO time (shown in the salon's zone). Text that is not an ISO date is returned unchanged.
 *
 * @example formatDate('2026-11-27', { timeZone: 'Europe/Moscow' }); // "27 ноября"
 */
export function formatDate(iso: string, options: TimeOptions): string {
  const wall = wallTime(iso, options.timeZone);
  if (!wall) return iso;
  const year = nowWall(options)?.year ?? wall.year;
  return `${wall.day} ${MONTHS[wall.month - 1]}${year === wall.year ? '' : ` ${wall.year}`}`;
}

/**
 * Opening hours per weekday in a line: "ежедневно 10:00–22:00", "пн–сб 09:00–21:00, вс 10:00–20:00";
 * days with the same hours are grouped, closed days come last ("вс — выходной").
 *
 * @example formatHours({ hours: { mon: '10:00-21:00', tue: '10:00-21:00', wed: '10:00-21:00' } }); // "пн–ср 10:00–21:00, чт–вс — выходные"
 */
export function formatHours(branch: Pick<Branch, 'hours'>): string {
  const groups = new Map<string, Weekday[]>();
  const closed: Weekday[] = [];
  for (const day of WEEKDAYS) {
    const hours = branch.hours[day];
    if (!hours) closed.push(day);
    else groups.set(hours, [...(groups.get(hours) ?? []), day]);
  }
  if (groups.size === 1 && closed.length === 0) return `ежедневно ${dashed([...groups.keys()][0])}`;
  const open = [...groups].map(([hours, days]) => `${dayList(days)} ${dashed(hours)}`);
  const rest = closed.length === 0 ? [] : [`${dayList(closed)} — ${closed.length === 1 ? 'выходной' : 'выходные'}`];
  return [...open, ...rest].join(', ');
}

/**
 * When an administrator will answer, from their hours per weekday: "в ближайшее время" during those
 * hours, else "сегодня после 10:00", "завтра после 10:00" or "в понедельник после 10:00"; '' when
 * nobody answers on any day.
 *
 * @example formatAdminAnswerTime({ mon: '10:00-21:00' }, { timeZone: 'Europe/Moscow', now: '2026-11-23T22:00:00+03:00' }); // "в понедельник после 10:00"
 */
export function formatAdminAnswerTime(adminHours: Partial<Record<Weekday, string>>, options: Required<TimeOptions>): string {
  const now = nowWall(options);
  if (!now) return '';
  const current = now.time ?? '00:00';
  for (let ahead = 0; ahead < 8; ahead++) {
    const weekday = WEEKDAYS[(WEEKDAYS.indexOf(now.weekday) + ahead) % 7];
    const hours = adminHours[weekday];
    if (!hours) continue;
    const [from, to] = [hours.slice(0, 5), hours.slice(6, 11)];
    if (ahead === 0 && current >= to) continue;
    if (ahead === 0 && current >= from) return 'в ближайшее время';
    const day = ahead === 0 ? 'сегодня' : ahead === 1 ? 'завтра' : WEEKDAY_ON[weekday];
    return `${day} после ${from}`;
  }
  return '';
}

// ── Reading times ──────────────────────────────────────────────────────────────────────────────────

const ISO = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;

/**
 * Wall times already read, by zone and ISO text or instant. A turn formats the same offered starts and
 * the same "now" several times, and a conversation shows the same starts over several turns; a few
 * thousand entries cover many conversations at once.
 */
const wallTimes = new BoundedMemo<string, WallTime>(4096);

/** The wall time of an ISO text, or undefined when it is not one. */
function wallTime(iso: string, timeZone: string): WallTime | undefined {
  return wallTimes.getOrCompute(`${timeZone}\u0000${iso}`, () => readWallTime(iso, timeZone));
}

function readWallTime(iso: string, timeZone: string): WallTime | undefined {
  const m = ISO.exec(iso.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, offset] = m;
  if (offset) {
    const ms = Date.parse(iso.trim().replace(' ', 'T'));
    return wallTimeOf(ms, timeZone);
  }
  const date = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const check = new Date(date);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59)) return undefined;
  return { ...dateParts(Number(y), Number(mo), Number(d)), time: h === undefined ? undefined : `${h}:${mi}` };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The salon's wall time of an instant, read with Intl in the given zone (the process zone plays no part). */
function wallTimeOf(ms: number, timeZone: string): WallTime | undefined {
  if (!Number.isFinite(ms)) return undefined;
  return wallTimes.getOrCompute(`${timeZone}\u0000@${ms}`, () => readWallTimeOf(ms, timeZone));
}

function readWallTimeOf(ms: number, timeZone: string): WallTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    } catch (cause) {
      throw new CocoError(`unknown time zone "${timeZone}"`, { hint: 'set the catalog\'s timezone to an IANA name such as Europe/Moscow', cause });
    }
    formatters.set(timeZone, formatter);
  }
  let year = '';
  let month = '';
  let day = '';
  let hour = '';
  let minute = '';
  for (const part of formatter.formatToParts(ms)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
    else if (part.type === 'hour') hour = part.value;
    else if (part.type === 'minute') minute = part.value;
  }
  const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  return { ...dateParts(Number(year), Number(month), Number(day)), time };
}

function dateParts(year: number, month: number, day: number): Omit<WallTime, 'time'> {
  const dayNumber = Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
  // 1970-01-01 was a Thursday.
  return { year, month, day, dayNumber, weekday: WEEKDAYS[(((dayNumber + 3) % 7) + 7) % 7] };
}

/** The wall time of `now`; a text without an offset is salon time. Undefined without a valid `now`. */
function nowWall({ now, timeZone }: TimeOptions): WallTime | undefined {
  if (now === undefined) return undefined;
  if (typeof now === 'string') return wallTime(now, timeZone);
  return wallTimeOf(now instanceof Date ? now.getTime() : now, timeZone);
}

// ── Writing hours ──────────────────────────────────────────────────────────────────────────────────

/** "10:00-22:00" → "10:00–22:00". */
function dashed(hours: string): string {
  return hours.replace('-', '–');
}

/** Weekdays in order, runs of three or more as a range: "пн–пт", "сб, вс", "пн, ср, пт". */
export function formatWeekdays(days: readonly Weekday[]): string {
  return dayList([...days].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b)));
}

/** The weekday after «в»: "в субботу", "во вторник". */
export function weekdayOn(day: Weekday): string {
  return WEEKDAY_ON[day];
}

function dayList(days: Weekday[]): string {
  const runs: Weekday[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    if (run && WEEKDAYS.indexOf(day) === WEEKDAYS.indexOf(run[run.length - 1]) + 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => (run.length >= 3 ? `${WEEKDAY_SHORT[run[0]]}–${WEEKDAY_SHORT[run[run.length - 1]]}` : run.map((d) => WEEKDAY_SHORT[d]).join(', ')))
    .join(', ');
}

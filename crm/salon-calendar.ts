/**
 * Salon time: local days, weekdays and ISO strings in the salon's time zone, independent of the
 * process's own zone (tests run with TZ=UTC). The zone comes from the catalog (`timezone`) and must
 * have a fixed offset, as Europe/Moscow has since 2014; its offset is read once.
 */
import { WEEKDAYS, type Weekday } from '../salon';
import { CrmError } from './errors';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Local days are numbered from 1970-01-01 in salon time; minutes count from local midnight. */
export interface SalonCalendar {
  readonly offsetMinutes: number;
  /** The local day number of an instant. */
  dayOf(ms: number): number;
  /** The instant of local midnight starting a day. */
  dayStart(day: number): number;
  /** The instant of a local day and minute of that day. */
  at(day: number, minuteOfDay: number): number;
  weekday(day: number): Weekday;
  /** `2026-11-27T15:00:00+03:00`. */
  iso(ms: number): string;
  /** `2026-11-27`. */
  date(day: number): string;
  /** The local day of `YYYY-MM-DD`. */
  dayOfDate(date: string): number;
  /**
   * An instant from an ISO date-time; without an offset it is read as salon time.
   *
   * @throws {CrmError} when the text is not an ISO date-time.
   */
  parse(text: string): number;
}

/**
 * A calendar for a fixed-offset IANA zone.
 *
 * @throws {CrmError} when the zone is unknown.
 * @example
 * const cal = salonCalendar('Europe/Moscow');
 * cal.iso(Date.UTC(2026, 10, 27, 12)); // "2026-11-27T15:00:00+03:00"
 * cal.weekday(cal.dayOf(Date.UTC(2026, 10, 27, 12))); // "fri"
 */
export function salonCalendar(timeZone: string, at: Date = new Date(0)): SalonCalendar {
  const offsetMinutes = zoneOffsetMinutes(timeZone, at);
  const offsetMs = offsetMinutes * MINUTE_MS;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const suffix = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const dayStart = (day: number): number => day * DAY_MS - offsetMs;
  return {
    offsetMinutes,
    dayOf: (ms) => Math.floor((ms + offsetMs) / DAY_MS),
    dayStart,
    at: (day, minute) => dayStart(day) + minute * MINUTE_MS,
    // 1970-01-01 was a Thursday.
    weekday: (day) => WEEKDAYS[(((day + 3) % 7) + 7) % 7],
    iso: (ms) => `${new Date(ms + offsetMs).toISOString().slice(0, 19)}${suffix}`,
    date: (day) => new Date(day * DAY_MS).toISOString().slice(0, 10),
    dayOfDate: (date) => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS),
    parse: (text) => {
      const local = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(text);
      const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(text) ? Date.parse(local ? `${text}${suffix}` : text) : NaN;
      if (Number.isNaN(ms)) {
        throw new CrmError(`"${text}" is not an ISO date-time`, { hint: 'write it as 2026-11-27T15:00:00+03:00' });
      }
      return ms;
    },
  };
}

/** Minutes of local time `HH:MM` from midnight; `24:00` is 1440. */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function zoneOffsetMinutes(timeZone: string, at: Date): number {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  } catch (cause) {
    throw new CrmError(`unknown time zone "${timeZone}"`, { hint: 'set catalog timezone to an IANA name such as Europe/Moscow', cause });
  }
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name ?? '');
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

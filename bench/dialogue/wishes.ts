/**
 * Time wishes: what the guest writes («в пятницу после 18», «завтра утром», «2 декабря в 15:30») and
 * the start times she means by it, worked out here from the salon's hours, not by the NLU: the judge
 * holds the booking to these windows.
 */
import type { Catalog } from '../../salon';
import type { Random } from '../../crm';
import { fill, type DayPart, type PhraseBank } from './phrases';
import { NOW } from './world';

const DAY_MS = 86_400_000;
const OFFSET = '+03:00';
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface Wish {
  text: string;
  /** Bounds of the start (both inclusive), ISO in salon time; empty with `asap`. */
  windows: Array<{ from: string; to: string }>;
  /** «как можно скорее» / the «nearest free» button: any start is what she asked for. */
  asap?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The salon date `offset` days from today, as y-m-d and weekday. */
function dayOf(offset: number): { y: number; m: number; d: number; weekday: (typeof WEEKDAYS)[number] } {
  const local = new Date(NOW.getTime() + 3 * 3_600_000 + offset * DAY_MS);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate(), weekday: WEEKDAYS[local.getUTCDay()] };
}
const isoAt = (offset: number, hhmm: string): string => {
  const { y, m, d } = dayOf(offset);
  return `${y}-${pad(m)}-${pad(d)}T${hhmm}:00${OFFSET}`;
};
export const toMs = (iso: string): number => Date.parse(iso);

/** How the guest names the day `offset` days ahead. */
function dayText(random: Random, bank: PhraseBank, offset: number): string {
  const day = dayOf(offset);
  const forms: string[] = [];
  if (offset === 0) forms.push(...bank.days.today);
  if (offset === 1) forms.push(...bank.days.tomorrow);
  if (offset === 2) forms.push(...bank.days.after_tomorrow);
  if (offset >= 1 && offset <= 6) forms.push(...(bank.weekdays[day.weekday] ?? []));
  const date = fill(random.pick(bank.lists.date_forms), { day: String(day.d), month: bank.months[String(day.m)], dd: pad(day.d), mm: pad(day.m) });
  return forms.length && random.chance(0.7) ? random.pick(forms) : date;
}

/** A wish for a day and part of it, at a branch's hours (any branch's widest hours when none). */
export function drawWish(random: Random, bank: PhraseBank, catalog: Catalog, branch: string | undefined, offset?: number): Wish {
  const day = offset ?? (random.chance(0.1) ? 0 : 1 + random.int(10));
  const hours = hoursOn(catalog, branch, dayOf(day).weekday);
  let part: DayPart = random.pick(bank.dayParts);
  if (day === 0 && !part.exact) part = { text: 'вечером', from: '17:00', to: 'close' };
  const dayWords = dayText(random, bank, day);
  if (part.exact) {
    // Today's exact time is one a guest could still book: after now (noon) and the two-hour lead.
    const drawn = part.whole_hour ? 13 + random.int(8) : 10 + random.int(10);
    const hour = day === 0 ? Math.max(drawn, 15) : drawn;
    const minute = part.whole_hour || random.chance(0.5) ? '00' : '30';
    const text = fill(part.text, { hh: String(hour), mi: minute, h: String(hour - 12) });
    const at = `${pad(hour)}:${minute}`;
    return { text: order(random, dayWords, text), windows: [{ from: isoAt(day, at), to: isoAt(day, at) }] };
  }
  const from = part.from === 'open' ? hours.open : part.from!;
  const to = part.to === 'close' ? hours.close : part.to!;
  return { text: order(random, dayWords, part.text), windows: [{ from: isoAt(day, from), to: isoAt(day, to) }] };
}

/** «в пятницу после 18» or «после 18 в пятницу». */
function order(random: Random, day: string, part: string): string {
  return (part && random.chance(0.25) ? `${part} ${day}` : `${day} ${part}`).trim();
}

/** The branch's opening and closing that day; without a branch, the chain's earliest and latest. */
function hoursOn(catalog: Catalog, branch: string | undefined, weekday: string): { open: string; close: string } {
  const spans = catalog.branches.filter((b) => !branch || b.id === branch).map((b) => (b.hours as Record<string, string | undefined>)[weekday]).filter((h): h is string => !!h);
  const opens = spans.map((s) => s.split('-')[0]).sort();
  const closes = spans.map((s) => s.split('-')[1]).sort();
  return { open: opens[0] ?? '10:00', close: closes[closes.length - 1] ?? '21:00' };
}

/** True when the start is one the wish allows. */
export function fitsWish(wish: Wish, start: string): boolean {
  if (wish.asap) return true;
  const at = toMs(start);
  return wish.windows.some((w) => at >= toMs(w.from) && at <= toMs(w.to));
}

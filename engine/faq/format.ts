/**
 * Russian formatting of catalog facts for FAQ answers: roubles ("2 900 ₽", "от 2 500 ₽"), percentages
 * ("30 %"), day counts ("3 дня", "7 дней"), opening hours grouped by weekday ("пн–сб 09:00–21:00,
 * вс 10:00–20:00") and lists ("«Патриаршие» и «Сити»").
 */
import { WEEKDAYS, type Weekday } from '../content/catalog';

const DAY_SHORT: Record<Weekday, string> = { mon: 'пн', tue: 'вт', wed: 'ср', thu: 'чт', fri: 'пт', sat: 'сб', sun: 'вс' };

/**
 * A whole number with thin groups of three digits separated by spaces.
 *
 * @example groupThousands(10000) // "10 000"
 */
export function groupThousands(value: number): string {
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * A price in roubles; a lower bound reads "от …".
 *
 * @example
 * formatRoubles(2900)       // "2 900 ₽"
 * formatRoubles(2500, true) // "от 2 500 ₽"
 */
export function formatRoubles(price: number, from = false): string {
  return `${from ? 'от ' : ''}${groupThousands(price)} ₽`;
}

/**
 * A percentage as Russian typography writes it, with a space before the sign.
 *
 * @example formatPercent(30) // "30 %"
 */
export function formatPercent(value: number): string {
  return `${value} %`;
}

/**
 * The Russian plural form for a count: `forms` are for 1, 2–4 and 5+ ("день", "дня", "дней").
 *
 * @example pluralRu(22, ['день', 'дня', 'дней']) // "дня"
 */
export function pluralRu(count: number, forms: readonly [one: string, few: string, many: string]): string {
  const n = Math.abs(count) % 100;
  const last = n % 10;
  if (n >= 11 && n <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/**
 * A number of days in the nominative ("гарантия 7 дней").
 *
 * @example formatDays(3) // "3 дня"
 */
export function formatDays(days: number): string {
  return `${days} ${pluralRu(days, ['день', 'дня', 'дней'])}`;
}

/**
 * Weekly opening hours, grouped: days with the same hours share one group, consecutive days become a
 * range ("пн–пт"), all seven days read "ежедневно", and days without hours are listed as "выходной".
 * Times use an en dash ("10:00–22:00").
 *
 * @example
 * formatWeeklyHours({ mon: '09:00-21:00', tue: '09:00-21:00', wed: '09:00-21:00', thu: '09:00-21:00',
 *   fri: '09:00-21:00', sat: '09:00-21:00', sun: '10:00-20:00' }) // "пн–сб 09:00–21:00, вс 10:00–20:00"
 */
export function formatWeeklyHours(hours: Partial<Record<Weekday, string>>): string {
  const groups = new Map<string, Weekday[]>();
  for (const day of WEEKDAYS) {
    const key = hours[day] ?? '';
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  const open = [...groups].filter(([span]) => span !== '');
  if (open.length === 1 && open[0][1].length === 7) return `ежедневно ${formatSpan(open[0][0])}`;
  const parts = open.map(([span, days]) => `${formatDayList(days)} ${formatSpan(span)}`);
  const closed = groups.get('');
  if (closed) parts.push(`${formatDayList(closed)} — выходной`);
  return parts.join(', ');
}

/** "10:00-22:00" → "10:00–22:00". */
function formatSpan(span: string): string {
  return span.replace('-', '–');
}

/** Days in week order, runs of three or more as a range: [mon, tue, wed, fri] → "пн–ср, пт". */
function formatDayList(days: Weekday[]): string {
  const indices = days.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const i of indices) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === i - 1) run.push(i);
    else runs.push([i]);
  }
  return runs
    .map((run) => {
      const first = DAY_SHORT[WEEKDAYS[run[0]]];
      const last = DAY_SHORT[WEEKDAYS[run[run.length - 1]]];
      if (run.length === 1) return first;
      return run.length === 2 ? `${first}, ${last}` : `${first}–${last}`;
    })
    .join(', ');
}

/**
 * Items joined as Russian lists them: "a", "a и b", "a, b и c".
 *
 * @example formatList(['«Тверская»', '«Патриаршие»', '«Сити»']) // "«Тверская», «Патриаршие» и «Сити»"
 */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`;
}

/**
 * A name as it reads inside a sentence: the first letter lowercased unless the word looks like an
 * abbreviation ("Маникюр" → "маникюр", "СПА" stays).
 */
export function lowerFirst(name: string): string {
  const [first, second] = Array.from(name);
  if (!first || (second && second === second.toUpperCase() && second !== second.toLowerCase())) return name;
  return first.toLowerCase() + name.slice(first.length);
}

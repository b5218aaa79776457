/**
 * Days from chrono-node's Russian parser: "завтра", "послезавтра", weekdays in any case and
 * abbreviation ("в пт", "на субботу", "в следующую пятницу"), month dates ("25 декабря", "1 дек",
 * "с 1 по 5 декабря"), relative days ("через неделю", "через пару дней") and ISO dates. Looking back
 * (a visit's day) also "вчера", "позавчера", "в прошлую субботу", "3 дня назад".
 *
 * Only chrono's date parsers run: its time parsers misread salon Russian ("на 2 часа" becomes
 * "in two hours", "в 18 часов" "in 18 hours"), so clock times are our own rules. From each result
 * we take the calendar fields chrono is sure of and pick the day ourselves, because chrono's
 * choice for "today's weekday" depends on the time of day, "24 ноября" said on 24 November
 * would land a year later, and it computes weeks in the process time zone.
 */

import * as chrono from 'chrono-node';
import { dateOf, dayOf, dayRange, instantAt, isValidDate, mondayOf, nextDayOfMonth, previousDayOfMonth, weekdayOf } from './calendar';
import { Candidate, PRIORITY, WhenContext } from './items';

/** chrono's date parsers we keep (class names of chrono-node 2.x `ru.casual`). */
const DATE_PARSERS = new Set([
  'RUCasualDateParser',
  'RUWeekdayParser',
  'RUMonthNameParser',
  'RUMonthNameLittleEndianParser',
  'RUTimeUnitCasualRelativeFormatParser',
  'RUTimeUnitAgoFormatParser',
  'SlashDateFormatParser',
  'ISOFormatParser',
]);

let parser: chrono.Chrono | null = null;

function dateParser(): chrono.Chrono {
  if (parser === null) {
    const config = chrono.ru.createCasualConfiguration();
    config.parsers = config.parsers.filter((p) => DATE_PARSERS.has(p.constructor.name));
    parser = new chrono.ru.Chrono(config);
  }
  return parser;
}

/** Cheap test: does the text contain anything chrono's date parsers could read? */
const TRIGGER =
  /сегодня|завтра|вчера|понедельник|вторник|сред[уаы]|четверг|пятниц|суббот|воскресень|вск|(?<![а-я])(?:пн|вт|ср|чт|пт|сб)(?![а-я])|январ|феврал|март|апрел|ма[йяе](?![а-я])|июн|июл|август|сентябр|октябр|ноябр|декабр|(?<![а-я])(?:янв|фев|мар|апр|авг|сен|окт|ноя|дек)(?![а-я])|через|спустя|назад|после\s+\d+\s+(?:дн|недел)|\d[/-]\d|первого|второго|третьего|пятое|первое/;

/** The words before a chrono result that change its meaning or belong to its span. */
const PREFIX =
  /(?:^|[^а-яa-z0-9])((?:(начиная\s+со?|со?|после|до|не\s+позже|не\s+позднее|к|в|во|на)\s+)?(?:(эт[уои]т?|следующ[а-я]*|след|ближайш[а-я]*|будущ[а-я]*|прошл[а-я]*|предыдущ[а-я]*)\s+)?)$/;

const PAST = /вчера|позавчера|прошл|назад/;
const NEXT_WEEK = /следующ|будущ|(?<![а-я])след(?![а-я])/;
const THIS_WEEK = /(?<![а-я])(?:эт[уои]т?|ближайш[а-я]*)(?![а-я])/;
const LAST_WEEK = /прошл|предыдущ/;

type Components = chrono.ParsedResult['start'];

type WeekModifier = 'next' | 'this' | 'last' | null;

/**
 * The day a weekday name means. "в пятницу" is the coming Friday; said on a Friday it is next
 * week's (today would be "сегодня"), while "в эту пятницу" is today unless the day is over.
 * "в следующую пятницу" is the Friday of next (Monday-first) week.
 *
 * Looking back, the mirror: "в пятницу" is the last Friday before today, "в эту пятницу" this
 * week's when it has come, and "в прошлую пятницу" the Friday of last week.
 */
function weekdayDay(weekday: number, modifier: WeekModifier, ctx: WhenContext): number {
  const ofWeek = (monday: number) => monday + ((weekday + 6) % 7);
  if (ctx.direction === 'past') {
    if (modifier === 'last') return ofWeek(mondayOf(ctx.today) - 7);
    if (modifier === 'this' && ofWeek(mondayOf(ctx.today)) <= ctx.today) return ofWeek(mondayOf(ctx.today));
    let day = ctx.today - ((weekdayOf(ctx.today) - weekday + 7) % 7);
    if (day === ctx.today) day -= 7;
    return day;
  }
  if (modifier === 'next') return ofWeek(mondayOf(ctx.today) + 7);
  let day = ctx.today + ((weekday - weekdayOf(ctx.today) + 7) % 7);
  if (day === ctx.today && (modifier !== 'this' || ctx.now > instantAt(ctx.today, ctx.dayEnd))) day += 7;
  return day;
}

/**
 * The first and last day a chrono component set means: the start of a phrase (`rangeStart`
 * undefined) as the direction reads it, the end of a range ("с 1 по 5 декабря") on or after its start.
 */
function componentDays(
  c: Components,
  rangeStart: number | undefined,
  modifier: WeekModifier,
  ctx: WhenContext,
): [number, number] | null {
  const back = rangeStart === undefined && ctx.direction === 'past';
  const notBefore = rangeStart ?? ctx.today;
  if (c.isCertain('day') && c.isCertain('month')) {
    const d = c.get('day') ?? 0;
    const m = c.get('month') ?? 0;
    if (c.isCertain('year')) {
      const y = c.get('year') ?? 0;
      return isValidDate(y, m, d) ? [dayOf(y, m, d), dayOf(y, m, d)] : null;
    }
    const day = back ? previousDayOfMonth(ctx.today, d, m) : nextDayOfMonth(notBefore, d, m);
    return day === null ? null : [day, day];
  }
  if (c.isCertain('weekday')) {
    const weekday = c.get('weekday') ?? 0;
    if (rangeStart !== undefined && (rangeStart > ctx.today || ctx.direction === 'past')) {
      const day = rangeStart + ((weekday - weekdayOf(rangeStart) + 7) % 7);
      return [day, day];
    }
    const day = weekdayDay(weekday, modifier, ctx);
    return [day, day];
  }
  if (c.isCertain('month')) {
    // "в декабре": the whole month, this year's if it has not passed (looking back: if it has begun).
    const m = c.get('month') ?? 0;
    const now = dateOf(notBefore);
    const thisYear = back ? m <= now.m : m >= now.m;
    const y = c.isCertain('year') ? (c.get('year') ?? now.y) : thisYear ? now.y : back ? now.y - 1 : now.y + 1;
    const first = dayOf(y, m, 1);
    const last = dayOf(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1;
    return [first, last];
  }
  return null;
}

/** Finds the days chrono reads in the canonical text. */
export function findChronoDays(text: string, ctx: WhenContext): Candidate[] {
  if (!TRIGGER.test(text)) return [];
  const results = dateParser().parse(text, { instant: new Date(ctx.now), timezone: 180 }, { forwardDate: true });
  const out: Candidate[] = [];
  for (const r of results) {
    if (r.start.isCertain('hour') || r.start.isCertain('minute')) continue;
    // Looking ahead, "вчера" and "в прошлую пятницу" are no time for an appointment: a day without days,
    // so the "вечером" of "вчера вечером" is that past evening, not every evening to come.
    if (ctx.direction === 'future' && PAST.test(r.text)) {
      out.push({ item: { kind: 'day', days: [], past: true, start: r.index, end: r.index + r.text.length }, priority: PRIORITY.chrono });
      continue;
    }
    // chrono's weekday match may carry a leading "(" or ", " and a trailing ",": not ours.
    const core = r.text.replace(/^[\s,(（]+/, '');
    const coreStart = r.index + (r.text.length - core.length);
    const coreEnd = coreStart + core.replace(/[\s,.;)）]+$/, '').length;
    const before = text.slice(Math.max(0, coreStart - 30), coreStart);
    const prefix = PREFIX.exec(before);
    const prefixText = prefix?.[1] ?? '';
    const preposition = prefix?.[2] ?? /^(со?)\s/.exec(core)?.[1];
    const modifierText = `${prefix?.[3] ?? ''} ${core}`;
    const modifier: WeekModifier = LAST_WEEK.test(modifierText)
      ? 'last'
      : NEXT_WEEK.test(modifierText) ? 'next' : THIS_WEEK.test(modifierText) ? 'this' : null;
    if (modifier === 'last' && ctx.direction === 'future') continue;

    const span = componentDays(r.start, undefined, modifier, ctx);
    if (span === null) continue;
    let [first, last] = span;
    if (r.end) {
      const end = componentDays(r.end, first, modifier, ctx);
      if (end !== null && end[1] >= first) last = end[1];
    } else if (preposition) {
      // "с понедельника", "после 25 декабря", "до пятницы" (inclusive), "к 25-му".
      if (/^(?:начиная|с)/.test(preposition)) last = ctx.lastDay;
      else if (preposition === 'после') [first, last] = [last + 1, ctx.lastDay];
      else if (/^(?:до|не|к)/.test(preposition)) first = ctx.firstDay;
    }
    const days = dayRange(Math.max(first, ctx.firstDay), Math.min(last, ctx.lastDay));
    out.push({
      item: { kind: 'day', start: coreStart - prefixText.length, end: coreEnd, days },
      priority: PRIORITY.chrono,
    });
  }
  return out;
}

/**
 * Days from chrono-node's Russian parser: "завтра", "послезавтра", weekdays in any case and
 * abbreviation ("в пт", "на субботу", "в следующую пятницу"), month dates ("25 декабря", "1 дек",
 * "с 1 по 5 декабря"), relative days ("через неделю", "через пару дней") and ISO dates.
 *
 * Only chrono's date parsers run: its time parsers misread salon Russian ("на 2 часа" becomes
 * "in two hours", "в 18 часов" "in 18 hours"), so clock times are our own rules. From each result
 * we take the calendar fields chrono is sure of and pick the day ourselves, because chrono's
 * choice for "today's weekday" depends on the time of day, "24 ноября" said on 24 November
 * would land a year later, and it computes weeks in the process time zone.
 */

import * as chrono from 'chrono-node';
import { dateOf, dayOf, dayRange, instantAt, isValidDate, mondayOf, nextDayOfMonth, weekdayOf } from './calendar';
import { Candidate, PRIORITY, WhenContext } from './items';

/** chrono's date parsers we keep (class names of chrono-node 2.x `ru.casual`). */
const DATE_PARSERS = new Set([
  'RUCasualDateParser',
  'RUWeekdayParser',
  'RUMonthNameParser',
  'RUMonthNameLittleEndianParser',
  'RUTimeUnitCasualRelativeFormatParser',
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
  /сегодня|завтра|вчера|понедельник|вторник|сред[уаы]|четверг|пятниц|суббот|воскресень|вск|(?<![а-я])(?:пн|вт|ср|чт|пт|сб)(?![а-я])|январ|феврал|март|апрел|ма[йяе](?![а-я])|июн|июл|август|сентябр|октябр|ноябр|декабр|(?<![а-я])(?:янв|фев|мар|апр|авг|сен|окт|ноя|дек)(?![а-я])|через|спустя|после\s+\d+\s+(?:дн|недел)|\d[/-]\d|первого|второго|третьего|пятое|первое/;

/** The words before a chrono result that change its meaning or belong to its span. */
const PREFIX =
  /(?:^|[^а-яa-z0-9])((?:(начиная\s+со?|со?|после|до|не\s+позже|не\s+позднее|к|в|во|на)\s+)?(?:(эт[уои]т?|следующ[а-я]*|след|ближайш[а-я]*|будущ[а-я]*)\s+)?)$/;

const PAST = /вчера|позавчера|прошл|назад/;
const NEXT_WEEK = /следующ|будущ|(?<![а-я])след(?![а-я])/;
const THIS_WEEK = /(?<![а-я])(?:эт[уои]т?|ближайш[а-я]*)(?![а-я])/;

type Components = chrono.ParsedResult['start'];

type WeekModifier = 'next' | 'this' | null;

/**
 * The day a weekday name means. "в пятницу" is the coming Friday; said on a Friday it is next
 * week's (today would be "сегодня"), while "в эту пятницу" is today unless the day is over.
 * "в следующую пятницу" is the Friday of next (Monday-first) week.
 */
function weekdayDay(weekday: number, modifier: WeekModifier, ctx: WhenContext): number {
  if (modifier === 'next') return mondayOf(ctx.today) + 7 + ((weekday + 6) % 7);
  let day = ctx.today + ((weekday - weekdayOf(ctx.today) + 7) % 7);
  if (day === ctx.today && (modifier !== 'this' || ctx.now > instantAt(ctx.today, ctx.dayEnd))) day += 7;
  return day;
}

/** The first and last day a chrono component set means, on or after `notBefore`. */
function componentDays(
  c: Components,
  notBefore: number,
  modifier: WeekModifier,
  ctx: WhenContext,
): [number, number] | null {
  if (c.isCertain('day') && c.isCertain('month')) {
    const d = c.get('day') ?? 0;
    const m = c.get('month') ?? 0;
    if (c.isCertain('year')) {
      const y = c.get('year') ?? 0;
      return isValidDate(y, m, d) ? [dayOf(y, m, d), dayOf(y, m, d)] : null;
    }
    const day = nextDayOfMonth(notBefore, d, m);
    return day === null ? null : [day, day];
  }
  if (c.isCertain('weekday')) {
    const weekday = c.get('weekday') ?? 0;
    if (notBefore > ctx.today) {
      const day = notBefore + ((weekday - weekdayOf(notBefore) + 7) % 7);
      return [day, day];
    }
    const day = weekdayDay(weekday, modifier, ctx);
    return [day, day];
  }
  if (c.isCertain('month')) {
    // "в декабре": the whole month, this year's if it has not passed.
    const m = c.get('month') ?? 0;
    const now = dateOf(notBefore);
    const y = c.isCertain('year') ? (c.get('year') ?? now.y) : m >= now.m ? now.y : now.y + 1;
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
    if (r.start.isCertain('hour') || r.start.isCertain('minute') || PAST.test(r.text)) continue;
    // chrono's weekday match may carry a leading "(" or ", " and a trailing ",": not ours.
    const core = r.text.replace(/^[\s,(（]+/, '');
    const coreStart = r.index + (r.text.length - core.length);
    const coreEnd = coreStart + core.replace(/[\s,.;)）]+$/, '').length;
    const before = text.slice(Math.max(0, coreStart - 30), coreStart);
    const prefix = PREFIX.exec(before);
    const prefixText = prefix?.[1] ?? '';
    const preposition = prefix?.[2] ?? /^(со?)\s/.exec(core)?.[1];
    const modifierText = `${prefix?.[3] ?? ''} ${core}`;
    const modifier: WeekModifier = NEXT_WEEK.test(modifierText) ? 'next' : THIS_WEEK.test(modifierText) ? 'this' : null;

    const span = componentDays(r.start, ctx.today, modifier, ctx);
    if (span === null) continue;
    let [first, last] = span;
    if (r.end) {
      const end = componentDays(r.end, first, modifier, ctx);
      if (end !== null && end[1] >= first) last = end[1];
    } else if (preposition) {
      // "с понедельника", "после 25 декабря", "до пятницы" (inclusive), "к 25-му".
      if (/^(?:начиная|с)/.test(preposition)) last = ctx.lastDay;
      else if (preposition === 'после') [first, last] = [last + 1, ctx.lastDay];
      else if (/^(?:до|не|к)/.test(preposition)) first = ctx.today;
    }
    const days = dayRange(Math.max(first, ctx.today), Math.min(last, ctx.lastDay));
    out.push({
      item: { kind: 'day', start: coreStart - prefixText.length, end: coreEnd, days },
      priority: PRIORITY.chrono,
    });
  }
  return out;
}

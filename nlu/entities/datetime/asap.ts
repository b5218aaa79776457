/**
 * "Whenever is soonest" and "whenever": "как можно скорее", "поскорее", "в ближайшее время",
 * "срочно", "сегодня-завтра" (asap over today and tomorrow); "любой день", "в любое время"; and a time
 * from now: "через час", "через 2 часа", "через полчаса" (the soonest from that moment on).
 */

import { instantAt, mskDay } from './calendar';
import { Candidate, PRIORITY, WhenContext } from './items';
import { L, R, scan, trimmedSpan } from './scan';

const MINUTE_MS = 60_000;

/** "через час", "через 2 часа", "через полтора часа", "через пару часов", "через полчаса", "через 40 минут". */
const IN_TIME = new RegExp(
  `${L}(через)\\s+((\\d{1,2})\\s*(?:час(?:а|ов)?|ч)|час(?:ик|ок)?|полчаса|полтора\\s+часа|пару\\s+часов|(\\d{1,3})\\s*(?:минут[уы]?|мин))${R}`,
);

/** How many minutes from now an IN_TIME match says. */
function minutesFromNow(m: RegExpExecArray): number {
  if (m[3]) return Number(m[3]) * 60;
  if (m[4]) return Number(m[4]);
  if (m[2].startsWith('полчаса')) return 30;
  if (m[2].startsWith('полтора')) return 90;
  if (m[2].startsWith('пару')) return 120;
  return 60;
}

const ASAP = new RegExp(
  `${L}(?:как\\s+можно\\s+(?:скорее|скорей|быстрее|быстрей|раньше|пораньше|ближе)|поскорее|побыстрее|` +
    `по-?быстрому|по-?скорому|срочно|asap|чем\\s+раньше\\s*,?\\s*тем\\s+лучше|` +
    `(?:(?:в|на)\\s+)?ближайш(?:ее|ие|ий|ую|ая)\\s+(?:время|дни|день|дату|число|свободн[а-я]*|окошк[а-я]*|окн[а-я]*|слот[а-я]*)|` +
    `на\\s+ближайшее(?!\\s*[а-я])|` +
    // «ближайшее что есть давайте», «давайте ближайшее», «самое раннее», «первое свободное»
    `(?:(?:в|на)\\s+)?(?:самое\\s+)?ближайш(?:ее|ий|ую)(?=\\s*(?:,\\s*)?(?:что|какое|какой|давайте|пожалуйста|можно|подойдет|подойдёт|устроит|есть|$))|` +
    `(?:самое\\s+)?(?:раннее|первое\\s+свободное)(?![а-я]))${R}`,
);

const TODAY_TOMORROW = new RegExp(`${L}(?:на\\s+)?сегодня\\s*(?:-|/)\\s*завтра${R}`);

const ANY_DAY = new RegExp(
  `${L}(?:(?:в|на)\\s+)?(?:любой\\s+день(?:\\s+недели)?|любые\\s+дни|любое\\s+(?:удобное\\s+)?время|когда\\s+угодно|` +
    `без\\s+разницы\\s+когда|не\\s+важно\\s+когда)${R}`,
);

/** Finds asap requests and "any day" statements in the canonical text. */
export function findAsapAndAnyDay(text: string, ctx: WhenContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of scan(ASAP, text)) {
    out.push({ item: { kind: 'asap', ...trimmedSpan(m) }, priority: PRIORITY.asap });
  }
  for (const m of scan(TODAY_TOMORROW, text)) {
    out.push({
      item: { kind: 'day', ...trimmedSpan(m), days: [ctx.today, ctx.today + 1], asap: true },
      priority: PRIORITY.asap,
    });
  }
  for (const m of scan(IN_TIME, text)) {
    // «через» is the day of that moment, the soonest; the amount is the clock from which on.
    const at = ctx.now + minutesFromNow(m) * MINUTE_MS;
    const day = mskDay(at);
    const minutes = Math.ceil((at - instantAt(day, 0)) / MINUTE_MS);
    const amount = m.index + m[0].indexOf(m[2], m[1].length);
    out.push({ item: { kind: 'day', start: m.index, end: m.index + m[1].length, days: [day], asap: true }, priority: PRIORITY.asap });
    out.push({ item: { kind: 'clock', start: amount, end: amount + m[2].length, from: { minutes, flexible: false }, to: null }, priority: PRIORITY.asap });
  }
  for (const m of scan(ANY_DAY, text)) {
    out.push({ item: { kind: 'anyday', ...trimmedSpan(m) }, priority: PRIORITY.asap });
  }
  return out;
}

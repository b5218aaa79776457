/**
 * "Whenever is soonest" and "whenever": "как можно скорее", "поскорее", "в ближайшее время",
 * "срочно", "сегодня-завтра" (asap over today and tomorrow); "любой день", "в любое время".
 */

import { Candidate, PRIORITY, WhenContext } from './items';
import { L, R, scan, trimmedSpan } from './scan';

const ASAP = new RegExp(
  `${L}(?:как\\s+можно\\s+(?:скорее|скорей|быстрее|быстрей|раньше|пораньше|ближе)|поскорее|побыстрее|` +
    `по-?быстрому|по-?скорому|срочно|asap|чем\\s+раньше\\s*,?\\s*тем\\s+лучше|` +
    `(?:(?:в|на)\\s+)?ближайш(?:ее|ие|ий|ую|ая)\\s+(?:время|дни|день|дату|число|свободн[а-я]*|окошк[а-я]*|окн[а-я]*|слот[а-я]*)|` +
    `на\\s+ближайшее(?!\\s*[а-я]))${R}`,
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
  for (const m of scan(ANY_DAY, text)) {
    out.push({ item: { kind: 'anyday', ...trimmedSpan(m) }, priority: PRIORITY.asap });
  }
  return out;
}

/**
 * Named parts of the day, from the brief: "утром" = opening–12:00, "днём" = 12:00–17:00,
 * "вечером" = 17:00–closing; "до обеда" = opening–13:00, "после обеда" = 13:00–closing.
 * Spellings and slang ("вечерком", "с утреца") are already rewritten by `canonical.ts`.
 */

import { Candidate, Meridiem, PRIORITY, WhenContext } from './items';
import { L, R, scan, trimmedSpan } from './scan';

const NOON = 12 * 60;
const LUNCH_END = 13 * 60;
const EVENING = 17 * 60;

interface PeriodRule {
  re: RegExp;
  meridiem: Meridiem;
  from: (ctx: WhenContext) => number;
  to: (ctx: WhenContext) => number;
}

const opening = (ctx: WhenContext): number => ctx.dayStart;
const closing = (ctx: WhenContext): number => ctx.dayEnd;
const at = (minutes: number) => (): number => minutes;

const RULES: readonly PeriodRule[] = [
  {
    re: new RegExp(`${L}(?:(?:в|во)\\s+)?(?:первой|первую)\\s+половин[а-я]*\\s+дня${R}`),
    meridiem: 'am',
    from: opening,
    to: at(LUNCH_END),
  },
  {
    re: new RegExp(`${L}(?:(?:в|во)\\s+)?(?:второй|вторую)\\s+половин[а-я]*\\s+дня${R}`),
    meridiem: 'pm',
    from: at(LUNCH_END),
    to: closing,
  },
  { re: new RegExp(`${L}до\\s+обеда${R}`), meridiem: 'am', from: opening, to: at(LUNCH_END) },
  { re: new RegExp(`${L}(?:после|с)\\s+обеда${R}`), meridiem: 'pm', from: at(LUNCH_END), to: closing },
  {
    re: new RegExp(`${L}(?:с\\s+(?:самого\\s+)?утра|(?:рано\\s+)?утром|поутру|(?:на|под|к)\\s+утро|утро)${R}`),
    meridiem: 'am',
    from: opening,
    to: at(NOON),
  },
  {
    re: new RegExp(`${L}(?:днем|(?:в|на)\\s+обед|в\\s+обеденное\\s+время|в\\s+середине\\s+дня|посреди\\s+дня)${R}`),
    meridiem: 'day',
    from: at(NOON),
    to: at(EVENING),
  },
  {
    re: new RegExp(
      `${L}(?:(?:поздно\\s+)?вечером|(?:на|под)\\s+вечер|(?:ближе\\s+)?к\\s+вечеру|вечер|после\\s+(?:работы|учебы|пар))${R}`,
    ),
    meridiem: 'pm',
    from: at(EVENING),
    to: closing,
  },
];

/** Finds the named parts of the day in the canonical text. */
export function findPeriods(text: string, ctx: WhenContext): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    for (const m of scan(rule.re, text)) {
      out.push({
        item: { kind: 'period', ...trimmedSpan(m), from: rule.from(ctx), to: rule.to(ctx), meridiem: rule.meridiem },
        priority: PRIORITY.time,
      });
    }
  }
  return out;
}

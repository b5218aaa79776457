/**
 * Day expressions chrono does not know: "в выходные", "на выходных", "в будни", "на этой /
 * следующей / прошлой неделе", "25-го", "25 числа", "25-го декабря", "25.12". Weeks start on Monday.
 * Looking back (a visit's day), a date is the last one that has come: "25-го" said on the 24th is
 * last month's.
 */

import { dayOf, dayRange, isValidDate, mondayOf, nextDayOfMonth, previousDayOfMonth, weekdayOf } from './calendar';
import { Candidate, PRIORITY, WhenContext } from './items';
import { L, R, scan, trimmedSpan } from './scan';

const MONTHS: Readonly<Record<string, number>> = {
  январ: 1, янв: 1, феврал: 2, фев: 2, март: 3, мар: 3, апрел: 4, апр: 4, ма: 5, июн: 6, июл: 7,
  август: 8, авг: 8, сентябр: 9, сен: 9, октябр: 10, окт: 10, ноябр: 11, ноя: 11, декабр: 12, дек: 12,
};
const MONTH_WORD =
  '(январ[ьяе]|янв|феврал[ьяе]|фев|марта?|марте|мар|апрел[ьяе]|апр|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|авг|' +
  'сентябр[ьяе]|сен|октябр[ьяе]|окт|ноябр[ьяе]|ноя|декабр[ьяе]|дек)';

function monthNumber(word: string): number | null {
  for (let len = word.length; len >= 2; len--) {
    const n = MONTHS[word.slice(0, len)];
    if (n !== undefined) return n;
  }
  return null;
}

const LAST = /^(?:прошл|предыдущ)/;

/** The weekend days meant by "в выходные" with an optional "эти" / "следующие" / "прошлые". */
function weekendDays(ctx: WhenContext, modifier: string | undefined): number[] {
  const saturday = mondayOf(ctx.today) + 5;
  // Looking ahead, "в прошлые выходные" is no time for an appointment.
  if (modifier && LAST.test(modifier) && ctx.direction === 'future') return [];
  if (ctx.direction === 'past') {
    // The last weekend that has begun; "в прошлые выходные" said on a Sunday is the week before.
    const last = saturday <= ctx.today && !(modifier && LAST.test(modifier)) ? saturday : saturday - 7;
    return [last, last + 1];
  }
  if (modifier && /^(?:след|будущ)/.test(modifier)) return [saturday + 7, saturday + 8];
  if (modifier && /^эт/.test(modifier)) return [saturday, saturday + 1];
  // On a Sunday the weekend is today and the next one: "в выходные" said on Sunday evening
  // rarely means the last hours of today only.
  if (weekdayOf(ctx.today) === 0) return [ctx.today, saturday + 7, saturday + 8];
  return [saturday, saturday + 1];
}

function weekdaysOfHorizon(ctx: WhenContext): number[] {
  return dayRange(ctx.firstDay, ctx.lastDay).filter((d) => weekdayOf(d) >= 1 && weekdayOf(d) <= 5);
}

function weekDays(ctx: WhenContext, modifier: string | undefined): number[] {
  const monday = mondayOf(ctx.today);
  if (modifier && LAST.test(modifier)) return dayRange(monday - 7, monday - 1);
  if (modifier && /^(?:след|будущ)/.test(modifier)) return dayRange(monday + 7, monday + 13);
  return ctx.direction === 'past' ? dayRange(monday, ctx.today) : dayRange(ctx.today, monday + 6);
}

interface DayRule {
  re: RegExp;
  days: (m: RegExpExecArray, ctx: WhenContext) => number[] | null;
  /** The rule names a whole week (see `DayItem.week`). */
  week?: boolean;
}

/** The nearest day with that day (and month) on or after today; looking back, on or before it. */
function dateDays(ctx: WhenContext, d: number, month?: number, year?: number): number[] | null {
  if (year !== undefined && month !== undefined) return isValidDate(year, month, d) ? [dayOf(year, month, d)] : null;
  const day = ctx.direction === 'past' ? previousDayOfMonth(ctx.today, d, month) : nextDayOfMonth(ctx.today, d, month);
  return day === null ? null : [day];
}

const RULES: readonly DayRule[] = [
  // "в выходные", "на выходных", "в эти выходные", "на следующих выходных", "в выходной день"
  {
    re: new RegExp(
      `${L}(?:(?:в|на|во)\\s+)?(?:(эти|этих|ближайшие|ближайших|следующие|следующих|след|будущие|будущих|прошлые|прошлых|предыдущие|предыдущих)\\s+)?` +
        `(?:выходные|выходных|выходной|выходным)(?:\\s+(?:дни|день|дней))?${R}`,
    ),
    days: (m, ctx) => weekendDays(ctx, m[1]),
  },
  // "в будни", "по будням", "в будний день", "в рабочие дни"
  {
    re: new RegExp(
      `${L}(?:(?:в|по|на)\\s+)?(?:будни|будням|буднях|будние(?:\\s+дни)?|будний\\s+день|будничный\\s+день|` +
        `рабочие\\s+дни|рабочий\\s+день)${R}`,
    ),
    days: (_m, ctx) => weekdaysOfHorizon(ctx),
  },
  // "на этой неделе", "на следующей неделе", "на неделе", "на след неделе", "на следующую неделю"
  {
    re: new RegExp(
      `${L}(?:на|в)\\s+(?:(этой|текущей|следующей|след|будущей|эту|следующую|будущую|прошлой|прошлую|предыдущей)\\s+)?(?:неделе|неделю)${R}`,
    ),
    days: (m, ctx) => weekDays(ctx, m[1]),
    week: true,
  },
  // "до конца недели", "в течение недели"
  {
    re: new RegExp(`${L}(?:до\\s+конца\\s+(?:этой\\s+)?недели|в\\s+течени[ея]\\s+недели)${R}`),
    days: (m, ctx) => {
      if (ctx.direction === 'past') return dayRange(ctx.today - 6, ctx.today);
      return m[0].includes('конца') ? dayRange(ctx.today, mondayOf(ctx.today) + 6) : dayRange(ctx.today, ctx.today + 6);
    },
  },
  // "25-го декабря", "1-е дек", "25 декабря" is chrono's (the ordinal suffix confuses it)
  {
    re: new RegExp(`${L}(?:(?:на|в|к)\\s+)?(\\d{1,2})-?(?:го|е|ое|ого)\\s+${MONTH_WORD}${R}`),
    days: (m, ctx) => {
      const month = monthNumber(m[2]);
      return month === null ? null : dateDays(ctx, Number(m[1]), month);
    },
  },
  // "25-го", "25го", "на 25-е", "25 числа"
  {
    re: new RegExp(`${L}(?:(?:на|в|к)\\s+)?(\\d{1,2})(?:-?(?:го|е|ое|ого)|\\s+(?:числа|число))${R}`),
    days: (m, ctx) => dateDays(ctx, Number(m[1])),
  },
  // "25.12", "на 01.12", "25.12.26": a date unless it reads as a clock ("на 19.00", "в 18.30")
  {
    re: new RegExp(`${L}(?:(в|во|на|к|с|со|до|после|около)\\s+)?(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{2}|\\d{4}))?(?![\\d.:])`),
    days: (m, ctx) => {
      const d = Number(m[2]);
      const month = Number(m[3]);
      const year = m[4] === undefined ? undefined : Number(m[4].length === 2 ? `20${m[4]}` : m[4]);
      const timeLike = m[4] === undefined && m[3].length === 2 && d <= 23 && (month > 12 || month === 0);
      if (timeLike) return null;
      return dateDays(ctx, d, month, year);
    },
  },
];

/** Finds the day expressions our own rules cover. */
export function findDays(text: string, ctx: WhenContext): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    for (const m of scan(rule.re, text)) {
      const days = rule.days(m, ctx);
      if (days) out.push({ item: { kind: 'day', ...trimmedSpan(m), days, ...(rule.week && { week: true }) }, priority: PRIORITY.day });
    }
  }
  return out;
}

/**
 * The `when` extractor: finds the guest's time preference in a message and returns it as one
 * entity whose value is a set of windows for the appointment's start.
 */

import type { Entity, WhenValue } from '../../types';
import { findAsapAndAnyDay } from './asap';
import { mskDay } from './calendar';
import { CanonicalText, canonicalize, toOriginal } from './canonical';
import { findChronoDays } from './chrono-days';
import { buildWindows, isAsap, selectItems } from './combine';
import { findDays } from './day-rules';
import { findGuards } from './guards';
import { WhenContext, WhenDirection, WhenItem } from './items';
import { findPeriods } from './periods';
import { findClockTimes } from './time-rules';
import { finishWindows } from './windows';

/** Options of `extractWhen`. */
export interface WhenOptions {
  /** The injected clock value. */
  now: Date;
  /** The chain's earliest opening, "HH:MM"; default "09:00". */
  dayStart?: string;
  /** The chain's latest closing, "HH:MM"; default "22:00". */
  dayEnd?: string;
  /** The horizon in days (ahead, or back when looking into the past); default 30. */
  horizonDays?: number;
  /**
   * `future` (default): windows for an appointment, from now to the horizon; "в субботу" is the coming
   * Saturday. `past`: the days of a visit, from the horizon back to now; "в субботу" is the last one.
   */
  direction?: WhenDirection;
}

/**
 * Only the first characters of a message are read: a time preference sits in a short message,
 * and a pasted 10,000-character text must not cost more than a few milliseconds.
 */
export const MAX_SCANNED_LENGTH = 1000;

/** A real preference has a handful of pieces; a list of 200 numbers must not cost 200 × 30 windows. */
const MAX_ITEMS = 16;

const DEFAULT_DAY_START = 9 * 60;
const DEFAULT_DAY_END = 22 * 60;
const DEFAULT_HORIZON_DAYS = 30;
const FUZZY_CONFIDENCE = 0.85;

/** "HH:MM" → minutes after midnight, or the fallback for anything else. */
function minutesOf(hhmm: string | undefined, fallback: number): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm ?? '');
  if (!m) return fallback;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[1]) <= 24 && Number(m[2]) < 60 && minutes <= 24 * 60 ? minutes : fallback;
}

function contextOf(options: WhenOptions): WhenContext | null {
  const now = options?.now instanceof Date ? options.now.getTime() : NaN;
  if (!Number.isFinite(now)) return null;
  const horizonDays =
    typeof options.horizonDays === 'number' && Number.isFinite(options.horizonDays) && options.horizonDays >= 0
      ? options.horizonDays
      : DEFAULT_HORIZON_DAYS;
  const horizon = horizonDays * 24 * 60 * 60 * 1000;
  const direction: WhenDirection = options.direction === 'past' ? 'past' : 'future';
  const horizonStart = direction === 'past' ? now - horizon : now;
  const horizonEnd = direction === 'past' ? now : now + horizon;
  return {
    now,
    today: mskDay(now),
    direction,
    horizonStart,
    firstDay: mskDay(horizonStart),
    horizonEnd,
    lastDay: mskDay(horizonEnd),
    dayStart: minutesOf(options.dayStart, DEFAULT_DAY_START),
    dayEnd: minutesOf(options.dayEnd, DEFAULT_DAY_END),
  };
}

/** Joins the pieces' original texts; pieces separated only by "или", "и", commas stay one phrase. */
function sourceOf(items: WhenItem[], canon: CanonicalText, original: string): string {
  const phrases: Array<{ start: number; end: number }> = [];
  let previous: WhenItem | null = null;
  for (const item of items) {
    const span = toOriginal(canon, item.start, item.end);
    const gap = previous ? canon.text.slice(previous.end, item.start) : '';
    const last = phrases[phrases.length - 1];
    if (last && /^(?:[\s,.;:!?/-]|или|либо|и)*$/.test(gap)) last.end = span.end;
    else phrases.push(span);
    previous = item;
  }
  return phrases.map((p) => original.slice(p.start, p.end)).join(' ');
}

function extract(text: string, options: WhenOptions): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const ctx = contextOf(options);
  if (ctx === null) return [];
  const canon = canonicalize(text, MAX_SCANNED_LENGTH);
  // Nothing temporal can be said without a digit or a Cyrillic letter (or "asap").
  if (!/[0-9а-я]|asap/.test(canon.text)) return [];

  const items = afterContrast(canon.text, selectItems([
    ...findGuards(canon.text),
    ...findAsapAndAnyDay(canon.text, ctx),
    ...findChronoDays(canon.text, ctx),
    ...findDays(canon.text, ctx),
    ...findPeriods(canon.text, ctx),
    ...findClockTimes(canon.text),
  ]).slice(0, MAX_ITEMS));
  if (items.length === 0) return [];

  const first = items[0];
  const lastEnd = Math.max(...items.map((i) => i.end));
  const span = toOriginal(canon, first.start, lastEnd);
  const raw = buildWindows(items, canon.text, ctx);
  const value: WhenValue = {
    windows: finishWindows(raw, ctx),
    source: sourceOf(items, canon, text),
  };
  // «на 24 ноября в 10:30» said at noon, «на 20 января»: understood, but outside what may be booked.
  if (value.windows.length === 0 && raw.length > 0 && ctx.direction === 'future') {
    if (raw.every((w) => w.to < ctx.horizonStart)) value.outside = 'past';
    else if (raw.every((w) => w.from > ctx.horizonEnd)) value.outside = 'beyond_horizon';
  }
  if (isAsap(items)) value.asap = true;
  else if (!items.some((i) => i.kind === 'day' || i.kind === 'anyday')) value.timeOnly = true;
  // Only days gone by («вчера вечером», looking ahead): no preference at all, as for «вчера» alone.
  if (value.windows.length === 0 && items.some((i) => i.kind === 'day' && i.past)) return [];
  const fuzzy = canon.fuzzy.some((f) => f.start < lastEnd && first.start < f.end);
  return [
    {
      entity: 'when',
      value,
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      extractor: 'datetime',
      confidence: fuzzy ? FUZZY_CONFIDENCE : 1,
    },
  ];
}

/**
 * Finds the guest's time preference in the text. Returns [] or ONE `when` entity covering all
 * temporal words, with windows for the appointment's start in Moscow time.
 *
 * Never throws: bad input (empty, huge, emoji, control characters, an invalid `now`) gives [].
 *
 * @example
 * extractWhen('запишите в пт после 6 плз', { now: new Date('2026-11-24T12:00:00+03:00') })
 * // [{ entity: 'when', text: 'в пт после 6', start: 10, end: 22, extractor: 'datetime', confidence: 1,
 * //    value: { source: 'в пт после 6',
 * //             windows: [{ from: '2026-11-27T18:00:00+03:00', to: '2026-11-27T22:00:00+03:00' }] } }]
 */
export function extractWhen(text: string, options: WhenOptions): Entity[] {
  try {
    return extract(text, options);
  } catch {
    // A time preference is optional: a parser failure on odd input must never break a turn.
    return [];
  }
}

/**
 * «не в сб утром, а 02.12 утром»: the times before «а» are the ones refused, only those after it are
 * wished. Without a «не … а …» around them the items are kept as found.
 */
function afterContrast<T extends { start: number }>(text: string, items: T[]): T[] {
  const negation = /(?:^|[^а-я])не(?=\s)/.exec(text);
  if (!negation || items.length < 2) return items;
  const contrast = /(?:^|[^а-я])а(?=\s)/g;
  contrast.lastIndex = negation.index + 1;
  const but = contrast.exec(text);
  if (!but) return items;
  const refused = items.filter((i) => i.start > negation.index && i.start < but.index);
  const wished = items.filter((i) => i.start > but.index);
  return refused.length > 0 && wished.length > 0 ? items.filter((i) => !refused.includes(i)) : items;
}

/**
 * Button titles: times and names written compactly ("пт 27.11 18:00 Ольга"), shortened only for a channel
 * that cuts titles (WhatsApp at 20 characters), and then in one form for every button of a list.
 */
import { BUTTON_TITLE_LIMITS } from '../common';
import { formatSlotTime } from '../salon';
import type { SalonContext } from './deps';

/** The longest button title WhatsApp shows in full. */
export const MAX_TITLE_LENGTH = BUTTON_TITLE_LIMITS.whatsapp;

/** The longest title a channel shows in full (none: as long as it is written). */
export function titleLimit(channel: string): number {
  return BUTTON_TITLE_LIMITS[channel] ?? Number.POSITIVE_INFINITY;
}

/**
 * A start time for a button: "пт 27.11 18:00", in salon time; the text itself when it is not ISO.
 *
 * @example compactTime('2026-11-27T18:00:00+03:00', context) // "пт 27.11 18:00"
 */
export function compactTime(iso: string, context: Pick<SalonContext, 'calendar' | 'catalog'>): string {
  // The same few hundred slot times come back turn after turn; the weekday costs an Intl call.
  const key = `${context.catalog.timezone} ${context.calendar.offsetMinutes} ${iso}`;
  let title = compactTimes.get(key);
  if (title === undefined) {
    if (compactTimes.size >= MAX_REMEMBERED_TIMES) compactTimes.clear();
    title = writeCompactTime(iso, context);
    compactTimes.set(key, title);
  }
  return title;
}

/** Compact times already written, by zone, offset and ISO text (a month of half hours fits twice over). */
const compactTimes = new Map<string, string>();
const MAX_REMEMBERED_TIMES = 4096;

function writeCompactTime(iso: string, context: Pick<SalonContext, 'calendar' | 'catalog'>): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = context.calendar.iso(ms);
  // The weekday as the guest-facing formatter writes it ("пт, 27 ноября, 18:00").
  const weekday = formatSlotTime(iso, { timeZone: context.catalog.timezone }).split(',')[0];
  return `${weekday} ${local.slice(8, 10)}.${local.slice(5, 7)} ${local.slice(11, 16)}`;
}

/** The first of the titles that fits on a button, else the shortest. */
export function fitTitle(candidates: readonly string[], max = MAX_TITLE_LENGTH): string {
  return candidates.find((t) => t.length <= max) ?? [...candidates].sort((a, b) => a.length - b.length)[0] ?? '';
}

/**
 * One title per item, all in the same form: each item gives its forms, longest first, and the list takes
 * the first form in which every title fits — so a list never mixes «пт 27.11 18:00 Ольга» with «27.11
 * 18:00 Марина». Where no form fits them all, each item takes its shortest.
 *
 * @example fitTitles([['пт 27.11 18:00 Ольга', '27.11 18:00 Ольга'], ['пт 27.11 18:30 Марина', '27.11 18:30 Марина']], 20)
 * // ['27.11 18:00 Ольга', '27.11 18:30 Марина']
 */
export function fitTitles(forms: readonly (readonly string[])[], max = MAX_TITLE_LENGTH): string[] {
  // An item with fewer forms keeps its last (shortest) one in the deeper forms of the list.
  const formAt = (f: readonly string[], k: number): string => f[Math.min(k, f.length - 1)] ?? '';
  const depth = Math.max(0, ...forms.map((f) => f.length));
  for (let k = 0; k < depth; k++) {
    const titles = forms.map((f) => formAt(f, k));
    if (titles.every((t) => t.length <= max)) return titles;
  }
  return forms.map((f) => fitTitle(f, max));
}

/** The first word of a full name ("Ольга Смирнова" → "Ольга"). */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? fullName;
}

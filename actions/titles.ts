/**
 * Short button titles: WhatsApp cuts reply-button titles at 20 characters, so times and names on
 * buttons are written compactly ("пт 27.11 18:00 · Ольга") and shortened when they do not fit.
 */
import { formatSlotTime } from '../salon';
import type { SalonContext } from './deps';

/** The longest button title WhatsApp shows in full. */
export const MAX_TITLE_LENGTH = 20;

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

/** The first word of a full name ("Ольга Смирнова" → "Ольга"). */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? fullName;
}

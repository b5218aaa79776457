/**
 * Rendering an FAQ answer: its `{kind:id}` references filled in from the catalog.
 */
import { type Catalog, ContentError } from '../../salon';
import { isReferenceProblem, resolveReference, scanAnswer } from './references';
import type { FaqEntry } from './types';

/**
 * The entry's answer with every reference resolved against the catalog, with Russian formatting:
 * `{price:manicure_gel}` → "2 900 ₽", `{price:haircut_women}` → "от 2 500 ₽", `{hours:city}` →
 * "пн–сб 09:00–21:00, вс 10:00–20:00". Entries from `loadFaq` always render (it checks them); a
 * handover entry has no answer to render.
 *
 * @throws {ContentError} for an unknown or malformed reference, or a stray brace, naming the entry's
 *   file and line.
 * @example
 * renderFaqAnswer({ ...entry, answer: 'Маникюр — {price:manicure_gel}, {minutes:manicure_gel} мин.' }, catalog)
 * // "Маникюр — 2 900 ₽, 90 мин."
 */
export function renderFaqAnswer(entry: { id: string; answer: string; source?: FaqEntry['source'] }, catalog: Catalog): string {
  let out = '';
  let cursor = 0;
  for (const token of scanAnswer(entry.answer)) {
    if ('stray' in token) throw answerError(entry, `the answer of "${entry.id}" has a "${token.stray.raw}" that is not part of a reference`, 'references are written {kind:id}, e.g. {price:manicure_gel}; remove the stray brace');
    const { reference } = token;
    const value = resolveReference(reference, catalog);
    if (isReferenceProblem(value)) throw answerError(entry, `${value.problem} (entry "${entry.id}")`, value.hint);
    out += entry.answer.slice(cursor, reference.index) + value;
    cursor = reference.index + reference.raw.length;
  }
  return out + entry.answer.slice(cursor);
}

function answerError(entry: Partial<Pick<FaqEntry, 'source'>>, problem: string, hint: string): ContentError {
  return new ContentError({ file: entry.source?.file ?? 'content/faq', line: entry.source?.line, problem, hint });
}

/**
 * "Коррекция и окрашивание бровей": the category word is said once for two services. A qualifier
 * without its category word (an `elliptic` phrase) counts only when "и", "или", "плюс", a comma or
 * "+" joins it to an exact service of the same category; otherwise it is dropped.
 */
import type { Candidate } from './find';
import { sameSentence, type Token } from './text';

const CONJUNCTIONS = new Set(['и', 'или', 'плюс']);

/** Keeps elliptic candidates only where the ellipsis is completed; others pass unchanged. */
export function resolveEllipses(candidates: Candidate[], text: string, tokens: readonly Token[], categoryOf: ReadonlyMap<string, string>): Candidate[] {
  if (!candidates.some((c) => c.phrase.elliptic)) return candidates;
  return candidates.filter((c) => {
    const category = c.phrase.elliptic;
    if (!category) return true;
    const next = c.last + 1;
    if (next >= tokens.length || !sameSentence(text, tokens[c.last], tokens[next])) return false;
    const completion = CONJUNCTIONS.has(tokens[next].norm) ? next + 1 : /^\s*[,+&/]\s*$/.test(text.slice(tokens[c.last].end, tokens[next].start)) ? next : -1;
    return candidates.some((o) => o.first === completion && o.last > o.first && o.phrase.entity === 'service' && !o.phrase.elliptic
      && !o.phrase.category && o.phrase.value !== c.phrase.value && categoryOf.get(o.phrase.value) === category);
  });
}

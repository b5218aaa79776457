/**
 * Category words combined with a service's qualifier. The catalog says "маникюр с покрытием" means
 * manicure_gel and "ноготочки" is a manicure word; so "ноготочки с покрытием" means manicure_gel too.
 * A service phrase that begins (or ends) with a word of its own category gives a qualifier ("с
 * покрытием", "классический"), and the qualifier is joined to every word of that category.
 */
import type { Catalog } from '../../../salon';
import type { Phrase } from './phrases';
import type { Vocabulary } from './vocabulary';

/**
 * Phrases "category word + qualifier" and "qualifier + category word" for each service, and the
 * qualifiers that come before a category word on their own, marked `elliptic`
 * ("коррекция" of "коррекция бровей").
 */
export function compositePhrases(catalog: Catalog, phrases: readonly Phrase[], vocabulary: Vocabulary): Phrase[] {
  const out: Phrase[] = [];
  for (const category of catalog.categories) {
    const categoryWords = phrases.filter((p) => p.category === category.id).map((p) => p.words);
    const serviceIds = new Set(catalog.services.filter((s) => s.category === category.id).map((s) => s.id));
    for (const p of phrases) {
      if (p.entity !== 'service' || p.category || !serviceIds.has(p.value)) continue;
      for (const q of categoryWords) {
        if (p.words.length <= q.length) continue;
        const same = (words: number[]) => words.every((w, i) => vocabulary.equivalent(w, q[i]));
        const qualifierAfter = same(p.words.slice(0, q.length)) ? p.words.slice(q.length) : undefined;
        const qualifierBefore = same(p.words.slice(p.words.length - q.length)) ? p.words.slice(0, p.words.length - q.length) : undefined;
        for (const other of categoryWords) {
          if (qualifierAfter) out.push({ ...p, words: [...other, ...qualifierAfter] });
          if (qualifierBefore) out.push({ ...p, words: [...qualifierBefore, ...other] });
        }
        if (qualifierBefore) out.push({ ...p, words: qualifierBefore, elliptic: category.id });
      }
    }
  }
  return out;
}

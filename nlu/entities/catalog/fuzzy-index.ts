/**
 * A symmetric-delete index (as SymSpell): every known key is stored with its variants of one (and, for
 * long keys, two) deleted letters, so the typo candidates of a word are found with a few map look-ups
 * instead of comparing it with the whole vocabulary; candidates are then verified exactly.
 */
import { allowedTypos, boundedDamerauLevenshtein } from './distance';

export interface FuzzyHit {
  /** The payload stored with the key (a vocabulary word id). */
  id: number;
  distance: number;
}

export class FuzzyIndex {
  private readonly variants = new Map<string, Array<{ key: string; id: number }>>();

  /** Adds a key; keys shorter than 5 letters are never matched fuzzily, so they are not stored. */
  add(key: string, id: number): void {
    const max = allowedTypos(key.length);
    if (max === 0) return;
    for (const variant of deletions(key, max)) {
      const list = this.variants.get(variant);
      if (!list) this.variants.set(variant, [{ key, id }]);
      else if (!list.some((e) => e.key === key && e.id === id)) list.push({ key, id });
    }
  }

  /**
   * Known keys within the allowed distance of `query` (the allowance follows the shorter of the two,
   * so a long word cannot reach a short one with two edits). A distance of 0 is not reported.
   */
  lookup(query: string): FuzzyHit[] {
    const max = allowedTypos(query.length);
    if (max === 0) return [];
    const best = new Map<number, number>();
    const seen = new Set<string>();
    for (const variant of deletions(query, max)) {
      for (const { key, id } of this.variants.get(variant) ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        const limit = allowedTypos(Math.min(key.length, query.length));
        if (limit === 0) continue;
        const distance = boundedDamerauLevenshtein(query, key, limit);
        if (distance === 0 || distance > limit) continue;
        if ((best.get(id) ?? Infinity) > distance) best.set(id, distance);
      }
    }
    return [...best].map(([id, distance]) => ({ id, distance }));
  }
}

/** The word itself and every variant with up to `max` letters deleted. */
function deletions(word: string, max: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let round = 0; round < max; round++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(d)) {
          out.add(d);
          next.push(d);
        }
      }
    }
    frontier = next;
  }
  return out;
}

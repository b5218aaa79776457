/**
 * The words of all catalog phrases, and how a word of a message reaches them: the same word, another
 * form of it (same stem and a compatible ending), or a typo of it (a small edit distance).
 */
import { FuzzyIndex } from './fuzzy-index';
import { sameWordForms } from './endings';
import { stemRu } from './stem';

/** A known word a message word stands for, with how sure that is (1 for the word or its forms). */
export interface WordHit {
  word: number;
  score: number;
}

/** Confidence of a word with one or two typos. */
export const TYPO_SCORE: Readonly<Record<number, number>> = { 1: 0.9, 2: 0.8 };

// Shorter words (prepositions in phrases: "с", "на") are matched only as they are.
const MIN_INFLECTED_LENGTH = 3;
// Stems are shorter than words, so a typo in a short stem is too often another word (светл/светла).
const MIN_FUZZY_STEM = 6;
// A stem shortened by a letter is still a key only from this length on.
const MIN_SHARED_STEM = 4;
const CACHE_LIMIT = 20_000;

const NO_HITS: ReadonlyMap<number, number> = new Map();

export class Vocabulary {
  private readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly names = new Set<number>();
  private readonly byStem = new Map<string, number[]>();
  private readonly fuzzy = new FuzzyIndex();
  private readonly cache = new Map<string, ReadonlyMap<number, number>>();
  private frozen = false;
  /** No word longer than this can be a form or a typo of a known word. */
  private longest = 0;

  /** The id of a normalised word, adding it if new. `isName` marks words of masters' names. */
  intern(word: string, isName = false): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      if (this.frozen) throw new Error('Vocabulary is frozen');
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
    if (isName) this.names.add(id);
    return id;
  }

  /** Builds the stem and typo indexes; call once after every phrase is interned. */
  freeze(): void {
    this.longest = Math.max(0, ...this.words.map((w) => w.length)) + 4;
    this.words.forEach((word, id) => {
      if (word.length < MIN_INFLECTED_LENGTH || /\d/.test(word)) return;
      const stem = stemRu(word);
      for (const key of stemKeys(stem)) {
        const list = this.byStem.get(key);
        if (!list) this.byStem.set(key, [id]);
        else if (!list.includes(id)) list.push(id);
      }
      this.fuzzy.add(word, id);
      if (stem !== word && stem.length >= MIN_FUZZY_STEM) this.fuzzy.add(stem, id);
    });
    this.frozen = true;
  }

  /** True when two known words are the same word or forms of it ("бровей" and "брови"). */
  equivalent(a: number, b: number): boolean {
    if (a === b) return true;
    const [wa, wb] = [this.words[a], this.words[b]];
    if (wa.length < MIN_INFLECTED_LENGTH || wb.length < MIN_INFLECTED_LENGTH) return false;
    const stem = stemRu(wa);
    return stem === stemRu(wb) && sameWordForms(wa, wb, stem);
  }

  /** The known words a normalised message word may stand for, word id → score (cached). */
  hits(token: string): ReadonlyMap<number, number> {
    if (token.length > this.longest) return NO_HITS;
    let hits = this.cache.get(token);
    if (hits) return hits;
    hits = this.lookup(token);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(token, hits);
    return hits;
  }

  private lookup(token: string): Map<number, number> {
    const hits = new Map<number, number>();
    const exact = this.ids.get(token);
    if (exact !== undefined) hits.set(exact, 1);
    if (token.length < MIN_INFLECTED_LENGTH || /\d/.test(token)) return hits;
    const stem = stemRu(token);
    for (const key of stemKeys(stem)) {
      for (const id of this.byStem.get(key) ?? []) {
        if (!hits.has(id) && sameWordForms(this.words[id], token, key, this.names.has(id))) hits.set(id, 1);
      }
    }
    // A word that is itself known is not also read as a typo of another known word.
    if (exact !== undefined) return hits;
    for (const key of stem === token || stem.length < MIN_FUZZY_STEM ? [token] : [token, stem]) {
      for (const { id, distance } of this.fuzzy.lookup(key)) {
        const score = TYPO_SCORE[distance] ?? 0;
        if (score > (hits.get(id) ?? 0)) hits.set(id, score);
      }
    }
    return hits;
  }
}

/**
 * The stem, and the stem less its last letter: the stemmer cuts some forms of one word one letter
 * apart ("светлана" → светла, "светлане" → светлан); the ending check keeps out unrelated words.
 */
function stemKeys(stem: string): string[] {
  return stem.length > MIN_SHARED_STEM ? [stem, stem.slice(0, -1)] : [stem];
}

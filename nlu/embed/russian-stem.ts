/**
 * Russian word stems (Porter/Snowball via `natural`), memoised per word.
 */
import type { Stemmer } from 'natural';

/*
 * The stemmer's own module, not `natural`'s index: the index loads every part of natural (classifiers,
 * WordNet, storage back ends), which takes seconds at start-up; this module alone loads in milliseconds.
 * `import type` above keeps natural's declared `Stemmer` type without loading the index at run time.
 */
const porterStemmerRu: Stemmer = require('natural/lib/natural/stemmers/porter_stemmer_ru');

/** Words longer than this are not stemmed (nor memoised): no Russian word is, and the regexes are not free. */
export const MAX_STEMMED_WORD_LENGTH = 40;

/**
 * The Russian stem of one lowercase word ("маникюра" → "маникюр", "записаться" → "записа"); a word with no
 * Russian vowel (Latin, digits) or longer than `MAX_STEMMED_WORD_LENGTH` comes back unchanged.
 *
 * @example
 * stemRu('ноготочки') // "ноготочк"
 */
export function stemRu(word: string): string {
  if (word.length === 0 || word.length > MAX_STEMMED_WORD_LENGTH) return word;
  return porterStemmerRu.stem(word);
}

/** A memo from a word to a value derived from its stem, with a bound on its size. */
export interface StemMemo<T> {
  /** The memoised value for `word`, computed by `derive(stemRu(word))` on first sight. */
  get(word: string): T;
  readonly size: number;
}

/**
 * Memoises `derive(stemRu(word))` per word. When `limit` distinct words have been seen the memo starts
 * afresh, which keeps memory bounded without bookkeeping and never changes a result.
 *
 * @example
 * const stemHash = createStemMemo((stem) => fnvString(FNV_OFFSET, stem));
 * stemHash.get('маникюра') === stemHash.get('маникюру') // true
 */
export function createStemMemo<T>(derive: (stem: string, word: string) => T, limit = 50_000): StemMemo<T> {
  const memo = new Map<string, T>();
  return {
    get(word: string): T {
      let value = memo.get(word);
      if (value === undefined) {
        value = derive(stemRu(word), word);
        if (word.length <= MAX_STEMMED_WORD_LENGTH) {
          if (memo.size >= limit) memo.clear();
          memo.set(word, value);
        }
      }
      return value;
    },
    get size() {
      return memo.size;
    },
  };
}

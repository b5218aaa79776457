/**
 * Russian stems (natural's PorterStemmerRu), cached: the stemmer costs a few microseconds a word, and
 * guests use the same few hundred words again and again.
 */

// The stemmer's own module, not `natural`'s index: the index loads every part of natural (about a
// second) and its storage back-ends print dotenv banners on start-up. It ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const porterStemmerRu: { stem(word: string): string } = require('natural/lib/natural/stemmers/porter_stemmer_ru');

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/**
 * The stem of a normalised (lowercase, ё→е) word; words of other scripts and numbers come back as
 * they are.
 *
 * @example
 * stemRu('ольгой'); // 'ольг'
 */
export function stemRu(word: string): string {
  let stem = cache.get(word);
  if (stem !== undefined) return stem;
  try {
    stem = /[а-я]/.test(word) ? porterStemmerRu.stem(word) : word;
  } catch {
    stem = word;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}

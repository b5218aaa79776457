/**
 * Turns a normalised text into hashed feature buckets: character n-grams of each word with boundary
 * markers ("<ма", "ник", "юр>"), the word's Russian stem, and bigrams of adjacent stems. Nothing here
 * builds a string per n-gram: n-grams are hashed incrementally over char codes.
 */
import { bucketOf, familySeed, fnvInt, fnvStep, fnvString } from './hash';
import { createStemMemo, type StemMemo } from './russian-stem';

/** Where features go: one call per occurrence, with the bucket it hashed to. */
export interface FeatureSink {
  add(bucket: number): void;
}

/** The settings that decide which features a text yields (all part of the embedder's id). */
export interface FeatureSettings {
  /** Shortest and longest character n-gram, counted with the boundary markers. */
  minN: number;
  maxN: number;
  buckets: number;
  wordStems: boolean;
  stemBigrams: boolean;
}

const CHAR_SEED = familySeed('char');
const STEM_SEED = familySeed('stem');
const BIGRAM_SEED = familySeed('stem-bigram');
const WORD_START = 0x3c; // "<"
const WORD_END = 0x3e; // ">"

/** True for the code units that separate words: ASCII controls and space, NBSP and Unicode spaces. */
function isSeparator(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x202f || code === 0x205f || code === 0xfeff;
}

/**
 * Makes a featuriser for the given settings. It keeps a memo of stem hashes per word, so one featuriser
 * should live as long as its embedder.
 *
 * @example
 * const featurise = createFeaturiser({ minN: 2, maxN: 5, buckets: 1 << 18, wordStems: true, stemBigrams: true });
 * featurise('запишите на маникюр', { add: (bucket) => counts[bucket]++ });
 */
export function createFeaturiser(settings: FeatureSettings): (text: string, sink: FeatureSink) => void {
  const { minN, maxN, buckets, wordStems, stemBigrams } = settings;
  const stemHashes: StemMemo<number> = createStemMemo((stem) => fnvString(STEM_SEED, stem));

  /** All char n-grams of the word `text[start, end)` padded as "<word>". */
  function addCharNgrams(text: string, start: number, end: number, sink: FeatureSink): void {
    const padded = end - start + 2;
    for (let i = 0; i < padded; i++) {
      let h = CHAR_SEED;
      const longest = Math.min(maxN, padded - i);
      for (let n = 1; n <= longest; n++) {
        const k = i + n - 1;
        const code = k === 0 ? WORD_START : k === padded - 1 ? WORD_END : text.charCodeAt(start + k - 1);
        h = fnvStep(h, code);
        if (n >= minN) sink.add(bucketOf(h, buckets));
      }
    }
  }

  return function featurise(text: string, sink: FeatureSink): void {
    const length = text.length;
    let previousStem = 0;
    let hasPrevious = false;
    let i = 0;
    while (i < length) {
      while (i < length && isSeparator(text.charCodeAt(i))) i++;
      if (i >= length) break;
      const start = i;
      while (i < length && !isSeparator(text.charCodeAt(i))) i++;
      addCharNgrams(text, start, i, sink);
      if (wordStems || stemBigrams) {
        const stem = stemHashes.get(text.slice(start, i));
        if (wordStems) sink.add(bucketOf(stem, buckets));
        if (stemBigrams && hasPrevious) sink.add(bucketOf(fnvInt(fnvInt(BIGRAM_SEED, previousStem), stem), buckets));
        previousStem = stem;
        hasPrevious = true;
      }
    }
  };
}

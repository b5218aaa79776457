/**
 * Letter-bigram plausibility: how much a word looks like Russian or like English. Used to decide
 * whether a Latin token is Russian typed with the wrong layout. Cheap: one table lookup per letter.
 */

import { ENGLISH_SAMPLE, RUSSIAN_SAMPLE } from './samples';

/** A letter-bigram model over one alphabet, with a word-boundary symbol at index 0. */
export interface BigramModel {
  readonly alphabet: string;
  /** log2 P(next | previous), a (size × size) table flattened; index 0 is the word boundary. */
  readonly logProb: Float64Array;
}

const SMOOTHING = 0.1;

/**
 * Trains a model on the words of `sample` (letters outside `alphabet` split words).
 *
 * @example
 * const ru = trainBigramModel('абвгдежзийклмнопрстуфхцчшщъыьэюя', 'привет мир');
 */
export function trainBigramModel(alphabet: string, sample: string): BigramModel {
  const size = alphabet.length + 1;
  const counts = new Float64Array(size * size).fill(SMOOTHING);
  for (const word of sample.toLowerCase().split(/\s+/)) {
    const codes = toCodes(alphabet, word);
    if (codes === undefined || codes.length === 0) continue;
    let previous = 0;
    for (const code of codes) {
      counts[previous * size + code] += 1;
      previous = code;
    }
    counts[previous * size] += 1;
  }
  const logProb = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    let total = 0;
    for (let col = 0; col < size; col++) total += counts[row * size + col];
    for (let col = 0; col < size; col++) logProb[row * size + col] = Math.log2(counts[row * size + col] / total);
  }
  return { alphabet, logProb };
}

/**
 * Mean log2 probability per bigram of `word` (boundaries included); higher is more plausible.
 * A word with a letter outside the model's alphabet scores -Infinity.
 */
export function plausibility(model: BigramModel, word: string): number {
  const codes = toCodes(model.alphabet, word.toLowerCase());
  if (codes === undefined || codes.length === 0) return -Infinity;
  const size = model.alphabet.length + 1;
  let sum = 0;
  let previous = 0;
  for (const code of codes) {
    sum += model.logProb[previous * size + code];
    previous = code;
  }
  sum += model.logProb[previous * size];
  return sum / (codes.length + 1);
}

function toCodes(alphabet: string, word: string): number[] | undefined {
  const codes: number[] = [];
  for (const char of word) {
    const index = alphabet.indexOf(char === 'ё' ? 'е' : char);
    if (index < 0) return undefined;
    codes.push(index + 1);
  }
  return codes;
}

const RUSSIAN_ALPHABET = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
const ENGLISH_ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

let russian: BigramModel | undefined;
let english: BigramModel | undefined;

/** How Russian a lowercase Cyrillic word looks (mean log2 bigram probability). */
export function russianPlausibility(word: string): number {
  russian ??= trainBigramModel(RUSSIAN_ALPHABET, RUSSIAN_SAMPLE);
  return plausibility(russian, word);
}

/** How English a lowercase Latin word looks (mean log2 bigram probability). */
export function englishPlausibility(word: string): number {
  english ??= trainBigramModel(ENGLISH_ALPHABET, ENGLISH_SAMPLE);
  return plausibility(english, word);
}

/**
 * Collapsing of letters guests stretch for emphasis: "приииивет", "оооочень", "спасибоо".
 */

import { familiarity } from './vocabulary';

const RUN_OF_THREE = /(\p{L})\1{2,}/gu;
// A doubled final vowel that no Russian word ends with: "даа", "спасибоо", "нуу". Not е, и, я, ю:
// "синее", "Марии", "синяя", "синюю" end that way.
const SAFE_DOUBLED_ENDING = /([аоуыэ])\1$/;
const DOUBLED_ENDING = /(\p{L})\1$/u;

/**
 * Collapses stretched letters in one lowercase word. A run of three or more identical letters becomes
 * one letter, or two when only the two-letter form is in the vocabulary ("ваннна" → "ванна"). A doubled
 * last letter becomes one when that is safe (а о у ы э) or when the vocabulary knows only the shorter
 * word.
 *
 * @example
 * collapseRepeats('приииивет') // 'привет'
 * collapseRepeats('спасибоо')  // 'спасибо'
 */
export function collapseRepeats(word: string, vocabulary?: ReadonlySet<string>): string {
  let out = word;
  if (RUN_OF_THREE.test(word)) {
    out = word.replace(RUN_OF_THREE, '$1');
    if (vocabulary !== undefined && familiarity(out, vocabulary) === 0) {
      const doubled = word.replace(RUN_OF_THREE, '$1$1');
      if (familiarity(doubled, vocabulary) > 0) out = doubled;
    }
  }
  if (out.length < 3 || !DOUBLED_ENDING.test(out) || vocabulary?.has(out)) return out;
  const shorter = out.slice(0, -1);
  if (SAFE_DOUBLED_ENDING.test(out) || (vocabulary !== undefined && familiarity(shorter, vocabulary) === 2)) return shorter;
  return out;
}

/**
 * Normalisation of a guest's message for intent classification: one canonical, lowercase, punctuation-
 * free string, whatever keyboard, casing, emoji or stretching the guest used.
 */

import { stripControlCharacters } from './control';
import { replaceMeaningfulEmoji } from './emoji';
import { applyLatinRewrites, planLatinRewrites } from './latin-tokens';
import { removePunctuation } from './punctuation';
import { collapseRepeats } from './repeats';

/** Longer messages are cut: intent lives in the first lines, and work must stay bounded. */
export const MAX_CLASSIFIER_CHARS = 1000;

/**
 * Normalises a message for the intent classifier: control characters stripped, the first 1,000
 * characters kept, meaningful emoji turned into words (👍 → "ок"), Latin tokens resolved (wrong layout
 * "ghbdtn" → "привет", transliteration "spasibo" → "спасибо", look-alikes "мaникюр" → "маникюр"),
 * lowercase with ё→е, punctuation removed (times such as "18:00" kept whole), stretched letters collapsed
 * ("приииивет" → "привет") and whitespace collapsed.
 *
 * @param text the guest's message as received
 * @param vocabulary words seen in the training data, already normalised by this function (lowercase,
 *   ё→е); they steer layout, transliteration and repeat decisions towards known words
 * @example
 * normaliseForClassifier('Запишите плз на ноготочки в ПТ после 18:00!!! 💅')
 * // 'запишите плз на ноготочки в пт после 18:00 маникюр'
 */
export function normaliseForClassifier(text: string, vocabulary?: ReadonlySet<string>): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  // Cut generously before the per-character work, then exactly once invisible characters are gone.
  let out = stripControlCharacters(text.slice(0, MAX_CLASSIFIER_CHARS * 4)).normalize('NFC');
  out = Array.from(out).length > MAX_CLASSIFIER_CHARS ? cutAtCodePoint(out, MAX_CLASSIFIER_CHARS) : out;
  out = replaceMeaningfulEmoji(out);
  out = applyRewrites(out, vocabulary);
  out = removePunctuation(out.toLowerCase().replace(/ё/g, 'е'));
  const words = out.split(/\s+/).filter((w) => w.length > 0);
  return words.map((w) => collapseRepeats(w, vocabulary)).join(' ');
}

function applyRewrites(text: string, vocabulary: ReadonlySet<string> | undefined): string {
  return applyLatinRewrites(text, planLatinRewrites(text, vocabulary, { transliterate: true }));
}

/** The first `max` code points (an emoji's surrogate pair is never split). */
function cutAtCodePoint(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('');
}

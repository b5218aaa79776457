/**
 * Folding of a message for entity matching: the same length as the input, character by character, so
 * an offset found in the folded text is an offset in the original.
 */

import { applyLatinRewrites, planLatinRewrites } from './latin-tokens';

/**
 * Folds text for matching without moving any offset: lowercase, ё→е, Russian typed with the Latin
 * layout converted key by key ("pfgbibnt" → "запишите", "vfybr.h" → "маникюр") and Latin look-alikes
 * inside Cyrillic words made Cyrillic ("мaникюр"). Everything else (punctuation, digits, emoji, other
 * Latin words) is left as it is. `result.length === text.length` always.
 *
 * @param text the original message
 * @param vocabulary optional training vocabulary, as for `normaliseForClassifier`
 * @example
 * foldForMatching('Ghbdtn, Ёлка!') // 'привет, елка!'
 */
export function foldForMatching(text: string, vocabulary?: ReadonlySet<string>): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  const chars = lowercasePerUnit(text);
  for (const rewrite of planLatinRewrites(text, vocabulary, { transliterate: false })) {
    // Layout and look-alike rewrites are one letter per character by construction.
    if (rewrite.replacement.length !== rewrite.end - rewrite.start) continue;
    for (let i = rewrite.start; i < rewrite.end; i++) chars[i] = rewrite.replacement[i - rewrite.start];
  }
  return chars.join('');
}

/**
 * The text with Russian typed in the Latin layout, and Latin look-alikes inside Russian words, made
 * Cyrillic key by key (in lowercase) — nothing else changed, and no offset moved — so entity extractors
 * read «pfgbibnt yf vfybr.h» as «запишите на маникюр». The text itself when there is nothing to convert.
 *
 * @example
 * fixKeyboardLayout('yf vfybr.h d gznybwe') // 'на маникюр в пятницу'
 */
export function fixKeyboardLayout(text: string, vocabulary?: ReadonlySet<string>): string {
  if (typeof text !== 'string' || !/[A-Za-z]/.test(text)) return text;
  return applyLatinRewrites(text, planLatinRewrites(text, vocabulary, { transliterate: false }).filter((r) => r.replacement.length === r.end - r.start));
}

/** Lowercase and ё→е per UTF-16 unit; a unit whose lowercase has another length stays unchanged ("İ"). */
function lowercasePerUnit(text: string): string[] {
  const out = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    const lower = unit.toLowerCase();
    const folded = lower === 'ё' ? 'е' : lower;
    out[i] = folded.length === 1 ? folded : unit;
  }
  return out;
}

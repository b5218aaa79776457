/**
 * The text the guardrails read: lowercase, ё → е, invisible characters gone, Latin look-alikes inside
 * Cyrillic words turned Cyrillic ("бepeменна" → "беременна"), letters stretched three times or more
 * collapsed ("аллееергия" → "аллергия"), punctuation turned into spaces. Pure and linear.
 */

/** Zero-width and bidi characters, soft hyphens and other invisibles people use to dodge filters. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
/** Control characters other than line breaks and tabs. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Latin letters that look like Cyrillic ones (lowercase, after `toLowerCase`). */
export const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', u: 'и', x: 'х', y: 'у',
};

/** A Cyrillic letter. */
export const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[a-z]/;

/**
 * The raw cleaning every detector starts from: NFKC (fullwidth and styled letters become plain ones),
 * invisible and control characters removed, lowercase, ё → е.
 *
 * @example cleanForGuard('БЕ\u200BРЕМЕННА') // "беременна"
 */
export function cleanForGuard(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ').toLowerCase().replace(/ё/g, 'е');
}

/**
 * A word with its Latin look-alikes made Cyrillic when the word mixes both alphabets; a word of one
 * alphabet is left alone (an English word stays English).
 *
 * @example unmixWord('мaникюp') // "маникюр"
 */
export function unmixWord(word: string): string {
  if (!CYRILLIC.test(word) || !LATIN.test(word)) return word;
  let out = '';
  for (const ch of word) out += LATIN_LOOKALIKES[ch] ?? ch;
  return out;
}

/**
 * The folded text medical and injection patterns are matched against: {@link cleanForGuard}, then
 * punctuation (but not `'` inside English words) turned into single spaces, look-alikes unmixed per
 * word and runs of three or more equal letters collapsed to one. Words are separated by exactly one
 * space, with a space at both ends so that patterns can anchor on " word ".
 *
 * @example foldForGuard('Я бeременна!!! можно ли гель-лак?') // " я беременна можно ли гель лак "
 */
export function foldForGuard(text: string): string {
  return foldClean(cleanForGuard(text));
}

/** A message read once for all detectors. */
export interface GuardText {
  /** See {@link cleanForGuard}. */
  clean: string;
  /** See {@link foldForGuard}. */
  folded: string;
}

/** Cleans and folds a message once, for every detector. */
export function prepareGuardText(text: string): GuardText {
  const clean = cleanForGuard(text);
  return { clean, folded: foldClean(clean) };
}

function foldClean(clean: string): string {
  if (clean === '') return ' ';
  let out = clean.replace(/[^\p{L}\p{N}'’]+/gu, ' ').replace(/(\p{L})\1{2,}/gu, '$1');
  if (LATIN.test(out) && CYRILLIC.test(out)) out = out.replace(/\S+/g, unmixWord);
  out = out.replace(/(^| )['’]+|['’]+(?= |$)/g, '$1').replace(/ {2,}/g, ' ').trim();
  return out === '' ? ' ' : ` ${out} `;
}

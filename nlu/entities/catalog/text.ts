/**
 * Words of a message with their offsets into the ORIGINAL text. Only the word itself is normalised
 * (NFC, lowercase, ё→е), so offsets never shift.
 */

/** One word (or number) of the text; `start`/`end` index the original string, `norm` is for matching. */
export interface Token {
  start: number;
  end: number;
  norm: string;
}

// Letters (with combining marks) or digits; hyphens and punctuation split words ("гель-лак" → 2 tokens).
const WORD = /[\p{L}\p{M}]+|\p{N}+/gu;

/** Lowercase, NFC and ё→е: the one form every word is compared in. */
export function normaliseWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
}

/**
 * Splits text into words with their offsets.
 *
 * @example
 * tokenize('Гель-лак!').map((t) => t.norm); // ['гель', 'лак']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    tokens.push({ start, end: start + m[0].length, norm: normaliseWord(m[0]) });
  }
  return tokens;
}

// A sentence break between two words: they do not form one phrase, and a cue does not reach across it.
const BREAK = /[.!?;\n\r]/;

/** True when no sentence break separates two neighbouring tokens. */
export function sameSentence(text: string, left: Token, right: Token): boolean {
  return !BREAK.test(text.slice(left.end, right.start));
}

/** True when the text between two neighbouring tokens still joins them into one phrase ("гель - лак"). */
export function joined(text: string, left: Token, right: Token): boolean {
  return right.start - left.end <= 4 && sameSentence(text, left, right);
}

/** Punctuation and symbol removal for the classifier's text. */

// Everything that is not a letter, a digit or whitespace goes, except a colon between two digits:
// "18:00" stays one token. Emoji, skin-tone modifiers and variation selectors go with it.
const NOT_WORD = /(?<!\d):|:(?!\d)|[^\p{L}\p{N}\s:]/gu;

/**
 * Replaces punctuation, symbols and emoji with spaces, keeping letters of any script, digits and the
 * colon inside times.
 *
 * @example
 * removePunctuation('после 18:00, ок?') // 'после 18:00  ок '
 */
export function removePunctuation(text: string): string {
  return text.replace(NOT_WORD, ' ');
}

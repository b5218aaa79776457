/** Removal of control and invisible format characters that guests' apps sometimes leave in messages. */

// Tab, line breaks, vertical tab and form feed separate words: they become spaces.
const SPACING_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// Other controls (C0, DEL, C1) and format characters (zero-width space/joiners, BOM, bidi marks) are
// dropped: they are inserted inside words by copy-paste and would split them.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * Replaces line breaks and tabs with spaces and drops every other control or format character.
 * The result can be shorter than the input; use it only where offsets do not matter.
 *
 * @example
 * stripControlCharacters('при\u200Bвет\nпока') // 'привет пока'
 */
export function stripControlCharacters(text: string): string {
  return text.replace(SPACING_CONTROLS, ' ').replace(INVISIBLE, '');
}

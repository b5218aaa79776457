/**
 * The ЙЦУКЕН ↔ QWERTY keyboard map: what a guest meant when they typed Russian with the Latin layout on
 * ("ghbdtn" → "привет", "vfybr.h" → "маникюр"). One key gives one letter, so conversion keeps length.
 */

const QWERTY_LOWER = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const QWERTY_UPPER = 'QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>~';
// ё is folded to е: the rest of the NLU compares text with ё→е already applied.
const JCUKEN = 'йцукенгшщзхъфывапролджэячсмитьбюе';

const KEY_TO_CYRILLIC: ReadonlyMap<string, string> = new Map(
  [...QWERTY_LOWER].map((key, i) => [key, JCUKEN[i]] as [string, string])
    .concat([...QWERTY_UPPER].map((key, i) => [key, JCUKEN[i]] as [string, string])),
);

/** Characters that sit on a Russian letter key in the QWERTY layout (letters and `[];',.` with shifts). */
export const LAYOUT_KEY_CHARACTERS = QWERTY_LOWER + QWERTY_UPPER;

/**
 * The lowercase Cyrillic letter on the same key as `char`, or undefined when the key has none.
 *
 * @example
 * cyrillicOnSameKey('g') // 'п'
 * cyrillicOnSameKey(',') // 'б'
 */
export function cyrillicOnSameKey(char: string): string | undefined {
  return KEY_TO_CYRILLIC.get(char);
}

/**
 * Converts a string typed with the wrong (Latin) layout into the lowercase Cyrillic it meant, key by
 * key; characters without a Russian letter on their key stay as they are. Output length = input length.
 *
 * @example
 * convertLayout('pfgbibnt') // 'запишите'
 */
export function convertLayout(text: string): string {
  let out = '';
  for (const char of text) out += KEY_TO_CYRILLIC.get(char) ?? char;
  return out;
}

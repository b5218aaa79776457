/** The words of a text, lowercase with «ё» as «е»; a hyphenated word also gives its parts. Pure. */

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

/** @example wordsOf('Гель-лак Luxio') // ['гель-лак', 'гель', 'лак', 'luxio'] */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of String(text ?? '').matchAll(WORD)) {
    const word = match[0].toLowerCase().replace(/ё/gu, 'е');
    words.push(word);
    if (word.includes('-')) for (const part of word.split('-')) if (part) words.push(part);
  }
  return words;
}

/**
 * Latin transliteration of Russian ("zapishite", "zapisat'sya", "spasibo") back to Cyrillic. Guests use
 * no single standard, so ambiguous chunks have alternatives ("u" → у or ю, "ts" → ц or тс); the first
 * alternative is the usual reading.
 */

// Longest chunks first. Each chunk lists its readings, the usual one first.
const CHUNKS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['shch', ['щ']],
  ['sch', ['щ', 'сч']],
  ['tsya', ['тся', 'ться']],
  ['sh', ['ш']],
  ['ch', ['ч']],
  ['zh', ['ж']],
  ['kh', ['х']],
  ['ts', ['ц', 'тс', 'тьс']],
  ['tz', ['ц']],
  ['ya', ['я']],
  ['yu', ['ю']],
  ['yo', ['е']],
  ['ye', ['е', 'ые']],
  ['ja', ['я']],
  ['ju', ['ю']],
  ['jo', ['е']],
  ['je', ['е']],
  ['iy', ['ий', 'ый']],
  ['yy', ['ый', 'ий']],
  ['ij', ['ий']],
  ['yj', ['ый']],
  ['ia', ['ия', 'я']],
  ['iu', ['ию', 'ю']],
  ["''", ['ъ']],
  ['a', ['а']],
  ['b', ['б']],
  ['c', ['ц', 'к', 'с']],
  ['d', ['д']],
  ['e', ['е', 'э']],
  ['f', ['ф']],
  ['g', ['г']],
  ['h', ['х']],
  ['i', ['и', 'й']],
  ['j', ['й', 'ж']],
  ['k', ['к']],
  ['l', ['л']],
  ['m', ['м']],
  ['n', ['н']],
  ['o', ['о']],
  ['p', ['п']],
  ['q', ['к']],
  ['r', ['р']],
  ['s', ['с']],
  ['t', ['т']],
  ['u', ['у', 'ю']],
  ['v', ['в']],
  ['w', ['в']],
  ['x', ['кс', 'х']],
  ['y', ['ы', 'й']],
  ['z', ['з']],
  ["'", ['ь', 'ъ']],
  ['`', ['ь']],
];

const VOWELS = new Set('aeiouy');
/** Candidates beyond this many are not generated: long ambiguous tokens keep their usual reading. */
const MAX_CANDIDATES = 256;

/** A token transliteration can read: Latin letters and apostrophes only. */
export const TRANSLITERABLE = /^[a-z'`]+$/;

/**
 * Splits a lowercase Latin token into chunks, each with its readings (usual first). Undefined when the
 * token has a character the table does not know.
 */
function chunk(token: string): string[][] | undefined {
  const parts: string[][] = [];
  let i = 0;
  while (i < token.length) {
    const match = CHUNKS.find(([latin]) => token.startsWith(latin, i));
    if (match === undefined) return undefined;
    let readings = [...match[1]];
    // "y" after a vowel is й ("moy", "novyy" is handled by "yy"), otherwise ы ("vy", "my").
    if (match[0] === 'y' && i > 0 && VOWELS.has(token[i - 1])) readings = ['й', 'ы'];
    parts.push(readings);
    i += match[0].length;
  }
  return parts;
}

/**
 * All Cyrillic readings of a lowercase Latin token, the usual reading first (at most 256). Empty when
 * the token is not transliterable.
 *
 * @example
 * transliterationCandidates('privet')[0]  // 'привет'
 * transliterationCandidates('manikur')    // ['маникур', 'маникюр', …]
 */
export function transliterationCandidates(token: string): string[] {
  if (!TRANSLITERABLE.test(token)) return [];
  const parts = chunk(token);
  if (parts === undefined) return [];
  const out: string[] = [];
  const walk = (index: number, prefix: string): void => {
    if (out.length >= MAX_CANDIDATES) return;
    if (index === parts.length) {
      out.push(prefix);
      return;
    }
    for (const reading of parts[index]) walk(index + 1, prefix + reading);
  };
  walk(0, '');
  return out;
}

/**
 * The usual Cyrillic reading of a lowercase Latin token, or undefined when it is not transliterable.
 *
 * @example
 * transliterate("zapisat'sya") // 'записаться'
 */
export function transliterate(token: string): string | undefined {
  const parts = chunk(token);
  if (parts === undefined || !TRANSLITERABLE.test(token)) return undefined;
  return parts.map((readings) => readings[0]).join('');
}

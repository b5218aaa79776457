/**
 * Vocabulary look-ups for the normaliser: a word counts as known when it is in the vocabulary or shares
 * a stem with a word there ("запишитесь" ~ "запишите"). The stem index is built once per vocabulary.
 */

// Common Russian inflectional endings, longest first. A crude stemmer is enough: it only has to make
// two forms of the same word meet, and a stem must keep at least MIN_STEM letters.
const ENDINGS = [
  'итесь', 'ться', 'тесь', 'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'тся', 'ись', 'ась',
  'ешь', 'ете', 'ите', 'ов', 'ев', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ом',
  'ем', 'ам', 'ям', 'ах', 'ях', 'ую', 'юю', 'ть', 'сь', 'ся', 'те', 'ут', 'ют', 'ит', 'ет',
  'у', 'ю', 'а', 'я', 'ы', 'и', 'е', 'о', 'ь', 'й',
];
const MIN_STEM = 4;

/**
 * A crude stem of a lowercase Russian word: the longest known ending removed when at least four
 * letters remain; the word itself otherwise.
 *
 * @example
 * stem('запишитесь') // 'запиш'
 */
export function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

const stemIndexes = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

function stemsOf(vocabulary: ReadonlySet<string>): ReadonlySet<string> {
  let stems = stemIndexes.get(vocabulary);
  if (stems === undefined) {
    const built = new Set<string>();
    for (const word of vocabulary) {
      const s = stem(word.toLowerCase().replace(/ё/g, 'е'));
      if (s.length >= MIN_STEM) built.add(s);
    }
    stems = built;
    stemIndexes.set(vocabulary, stems);
  }
  return stems;
}

/** How well a word is known: 2 = exact word, 1 = same stem as a vocabulary word, 0 = unknown. */
export type Familiarity = 0 | 1 | 2;

/**
 * How well `vocabulary` knows the lowercase word `word`.
 *
 * @example
 * familiarity('запишитесь', new Set(['запишите'])) // 1
 */
export function familiarity(word: string, vocabulary: ReadonlySet<string> | undefined): Familiarity {
  if (vocabulary === undefined || word.length === 0) return 0;
  if (vocabulary.has(word)) return 2;
  const s = stem(word);
  return s.length >= MIN_STEM && stemsOf(vocabulary).has(s) ? 1 : 0;
}

const RUSSIAN_LETTERS = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
/** Words shorter than this are not corrected: one changed letter turns them into other words. */
const MIN_CORRECTABLE = 6;

/**
 * A vocabulary word that differs from `word` by one substituted letter ("маникир" → "маникюр"), for
 * words of six letters or more; undefined when there is none. Keeps the length, so offsets survive.
 *
 * @example
 * oneLetterOff('маникир', new Set(['маникюр'])) // 'маникюр'
 */
export function oneLetterOff(word: string, vocabulary: ReadonlySet<string> | undefined): string | undefined {
  if (vocabulary === undefined || word.length < MIN_CORRECTABLE) return undefined;
  for (let i = 0; i < word.length; i++) {
    for (const letter of RUSSIAN_LETTERS) {
      if (letter === word[i]) continue;
      const candidate = word.slice(0, i) + letter + word.slice(i + 1);
      if (vocabulary.has(candidate)) return candidate;
    }
  }
  return undefined;
}

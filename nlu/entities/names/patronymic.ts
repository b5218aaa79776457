/**
 * Patronymics (отчества) in any case, back to the nominative: "Ивановну" → "Ивановна",
 * "Сергеевичу" → "Сергеевич".
 */

import type { GrammaticalCase } from './decline';

/** A patronymic read from one word. */
export interface PatronymicReading {
  /** Lowercase nominative. */
  nominative: string;
  gender: 'f' | 'm';
  cases: GrammaticalCase[];
}

const FEMALE = /^([а-яё]{2,}(?:овн|евн|ичн))(а|ы|е|у|ой|ою)$/;
const MALE = /^([а-яё]{2,}(?:ович|евич|ьич|ич))(а|у|ем|е)?$/;
const FEMALE_ENDINGS: Readonly<Record<string, GrammaticalCase[]>> = {
  а: ['nom'], ы: ['gen'], е: ['dat', 'pre'], у: ['acc'], ой: ['ins'], ою: ['ins'],
};
const MALE_ENDINGS: Readonly<Record<string, GrammaticalCase[]>> = {
  '': ['nom'], а: ['gen', 'acc'], у: ['dat'], ем: ['ins'], е: ['pre'],
};
/** Short words ending in -ич are rarely patronymics ("кирпич" is not, but it is rare in a name). */
const MIN_MALE_LENGTH = 5;

/**
 * The patronymic a lowercase word (ё as е) is, in any case, or undefined.
 *
 * @example
 * readPatronymic('ивановну') // { nominative: 'ивановна', gender: 'f', cases: ['acc'] }
 */
export function readPatronymic(word: string): PatronymicReading | undefined {
  const female = FEMALE.exec(word);
  if (female) return { nominative: female[1] + 'а', gender: 'f', cases: FEMALE_ENDINGS[female[2]] };
  const male = MALE.exec(word);
  if (male && male[1].length >= MIN_MALE_LENGTH) return { nominative: male[1], gender: 'm', cases: MALE_ENDINGS[male[2] ?? ''] };
  return undefined;
}

/**
 * Surnames of the common Russian types (-ов/-ев/-ин/-ын, -ский/-цкий) in any case, back to the
 * nominative: "Петрову" → "Петрова" (female) or "Петров" (male dative). Only read next to a first name,
 * whose gender and case choose between the readings.
 */

import type { GrammaticalCase } from './decline';

/** One way to read a word as a surname. */
export interface SurnameReading {
  /** Lowercase nominative. */
  nominative: string;
  gender: 'f' | 'm';
  cases: GrammaticalCase[];
}

interface Pattern {
  regex: RegExp;
  gender: 'f' | 'm';
  nominativeEnding: string;
  endings: Readonly<Record<string, GrammaticalCase[]>>;
}

const PATTERNS: readonly Pattern[] = [
  {
    regex: /^([а-яё]{2,}(?:ов|ев|ёв|ин|ын))(а|ой|у|ою)$/, gender: 'f', nominativeEnding: 'а',
    endings: { а: ['nom'], ой: ['gen', 'dat', 'ins', 'pre'], ою: ['ins'], у: ['acc'] },
  },
  {
    regex: /^([а-яё]{2,}(?:ов|ев|ёв|ин|ын))(а|у|ым|е)?$/, gender: 'm', nominativeEnding: '',
    endings: { '': ['nom'], а: ['gen', 'acc'], у: ['dat'], ым: ['ins'], е: ['pre'] },
  },
  {
    regex: /^([а-яё]{2,}(?:ск|цк))(ая|ой|ую)$/, gender: 'f', nominativeEnding: 'ая',
    endings: { ая: ['nom'], ой: ['gen', 'dat', 'ins', 'pre'], ую: ['acc'] },
  },
  {
    regex: /^([а-яё]{2,}(?:ск|цк))(ий|ого|ому|им|ом)$/, gender: 'm', nominativeEnding: 'ий',
    endings: { ий: ['nom'], ого: ['gen', 'acc'], ому: ['dat'], им: ['ins'], ом: ['pre'] },
  },
];

/**
 * Ordinary words with a surname's ending that often follow a name ("Маша готова", "Ирину снова").
 * Capitalised words are read as surnames anyway.
 */
const ORDINARY_WORDS: ReadonlySet<string> = new Set([
  'снова', 'слова', 'готова', 'готов', 'готовой', 'здорова', 'здоров', 'основа', 'нова', 'новой', 'какова',
  'такова', 'головой', 'машину', 'машиной', 'причину', 'причиной', 'половину', 'половиной', 'середину',
  'спину', 'спиной', 'картину', 'витрину', 'один', 'блин', 'магазин', 'часов', 'цветов', 'дров',
]);
/** A lowercase surname must be at least this long: short words with these endings are mostly words. */
const MIN_LOWERCASE_LENGTH = 6;

/**
 * Every surname reading of a lowercase word (ё as е); empty when it is no surname of a known type.
 *
 * @example
 * readSurname('петрову', false) // [{ nominative: 'петрова', gender: 'f', cases: ['acc'] }, { nominative: 'петров', gender: 'm', cases: ['dat'] }]
 */
export function readSurname(word: string, capitalised: boolean): SurnameReading[] {
  if (ORDINARY_WORDS.has(word) && !capitalised) return [];
  if (!capitalised && word.length < MIN_LOWERCASE_LENGTH) return [];
  const readings: SurnameReading[] = [];
  for (const pattern of PATTERNS) {
    const match = pattern.regex.exec(word);
    if (match === null) continue;
    readings.push({ nominative: match[1] + pattern.nominativeEnding, gender: pattern.gender, cases: pattern.endings[match[2] ?? ''] });
  }
  return readings;
}

/**
 * The look-up tables built from the name list: every declined form of every first name, and the
 * kinship nouns ("маму", "дочку") that introduce the person a booking is for.
 */

import { declineName, type GrammaticalCase } from './decline';
import { FIRST_NAMES, type NameGender } from './first-names';

/** One way to read a word as a first name. */
export interface FirstNameReading {
  /** The nominative as the lexicon spells it ("Алёна"). */
  display: string;
  gender: NameGender;
  cases: GrammaticalCase[];
  /** Also an ordinary word ("вера", "роза"): needs more evidence. */
  ambiguous: boolean;
}

/** Lowercase, ё→е: the form every look-up uses. */
export function fold(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

/**
 * Forms of otherwise clear names that are also everyday words: "любой" (Люба / any), "жене" (Женя /
 * wife), "марка", "але" (алё), "тоне", "свете". They are read as names only with more evidence.
 */
const ORDINARY_WORD_FORMS: ReadonlySet<string> = new Set(['любой', 'жене', 'марка', 'але', 'тоне', 'свете']);

let firstNameForms: Map<string, FirstNameReading[]> | undefined;

/**
 * The first-name readings of a word in any case ("ирину" → Ирина, accusative); empty when the word is
 * no known name. A form shared by two names gives both ("александра": Александра nominative, Александр
 * genitive or accusative).
 *
 * @example
 * readFirstName('Сергею') // [{ display: 'Сергей', gender: 'm', cases: ['dat'], ambiguous: false }]
 */
export function readFirstName(word: string): FirstNameReading[] {
  firstNameForms ??= buildFirstNameForms();
  return firstNameForms.get(fold(word)) ?? [];
}

function buildFirstNameForms(): Map<string, FirstNameReading[]> {
  const index = new Map<string, FirstNameReading[]>();
  for (const entry of FIRST_NAMES) {
    const byForm = new Map<string, GrammaticalCase[]>();
    for (const { form, case: c } of declineName(fold(entry.name), entry.gender)) {
      byForm.set(form, [...(byForm.get(form) ?? []), c]);
    }
    for (const [form, cases] of byForm) {
      const readings = index.get(form) ?? [];
      const ambiguous = entry.ambiguous === true || ORDINARY_WORD_FORMS.has(form);
      readings.push({ display: entry.name, gender: entry.gender, cases: [...new Set(cases)], ambiguous });
      index.set(form, readings);
    }
  }
  return index;
}

/** Kinship and other nouns that name whom a booking is for; each is followed by the name itself. */
const RELATIONS: ReadonlyArray<readonly [string, NameGender]> = [
  ['мама', 'f'], ['мамочка', 'f'], ['мать', 'f'], ['дочь', 'f'], ['дочка', 'f'], ['доченька', 'f'],
  ['дочурка', 'f'], ['сестра', 'f'], ['сестренка', 'f'], ['сестричка', 'f'], ['подруга', 'f'],
  ['подружка', 'f'], ['бабушка', 'f'], ['жена', 'f'], ['тетя', 'f'], ['племянница', 'f'], ['внучка', 'f'],
  ['свекровь', 'f'], ['теща', 'f'], ['девушка', 'f'], ['коллега', 'u'], ['папа', 'm'], ['сын', 'm'],
  ['сынок', 'm'], ['брат', 'm'], ['друг', 'm'], ['муж', 'm'], ['дедушка', 'm'], ['дядя', 'm'],
  ['племянник', 'm'], ['внук', 'm'], ['ребенок', 'm'], ['гостья', 'f'], ['клиентка', 'f'],
];

let relationForms: Map<string, GrammaticalCase[]> | undefined;
let relationGenders: Map<string, NameGender> | undefined;

/** The gender of the person a kinship noun form names («подруги» → f), or undefined when the word is none. */
export function relationGender(word: string): NameGender | undefined {
  if (relationGenders === undefined) {
    relationGenders = new Map();
    for (const [noun, gender] of RELATIONS) for (const { form } of declineName(noun, gender)) relationGenders.set(form, gender);
  }
  return relationGenders.get(fold(word));
}

/**
 * The cases a kinship noun form can be in ("маму" → accusative), or undefined when the word is none.
 *
 * @example
 * readRelation('дочку') // ['acc']
 */
export function readRelation(word: string): GrammaticalCase[] | undefined {
  if (relationForms === undefined) {
    relationForms = new Map();
    for (const [noun, gender] of RELATIONS) {
      for (const { form, case: c } of declineName(noun, gender)) relationForms.set(form, [...(relationForms.get(form) ?? []), c]);
    }
  }
  return relationForms.get(fold(word));
}

/**
 * The name of the person a booking is for, in the nominative: "на имя Ирины" → "Ирина", "запишите
 * маму, Тамару Ивановну" → "Тамара Ивановна", "меня зовут Катя" → "Катя", a one-word answer "ирина" →
 * "Ирина".
 *
 * Value order: first name, patronymic, surname, whatever order the guest wrote them in ("запишите
 * Петрову Анну" → "Анна Петрова"): it is the order the salon addresses a guest in and it makes the value
 * the same for both orders.
 */

import { foldForMatching } from '../normalise';
import type { Entity } from '../types';
import {
  guessNominative, readCue, readFirstName, readPatronymic, readSurname,
  type Cue, type FirstNameReading, type GrammaticalCase, type PatronymicReading, type SurnameReading,
} from './names';
import { extractPhones } from './phone';

/** Options of `extractGuestName`. */
export interface GuestNameOptions {
  /** Spans already taken by other entities (a master "к Ольге", a branch): no name is read there. */
  exclude?: ReadonlyArray<{ start: number; end: number }>;
}

interface Word {
  start: number;
  end: number;
  /** Lowercase, ё→е, wrong layout converted: for look-ups. */
  folded: string;
  /** Lowercase with ё kept where the guest wrote Cyrillic: for building the value. */
  lower: string;
  capitalised: boolean;
  /** First word of a sentence (capitals there prove nothing). */
  opensSentence: boolean;
  /** Inside a span another entity took. */
  excluded?: boolean;
}

/** A first name at `index` and the words around it that may complete it. */
interface NameGroup {
  index: number;
  patronymic?: { index: number; reading: PatronymicReading };
  surnames: Array<{ index: number; readings: SurnameReading[] }>;
}

/** The readings chosen for a group, and the words they cover (inclusive). */
interface FullName {
  first: FirstNameReading;
  patronymic?: PatronymicReading;
  surname?: SurnameReading;
  from: number;
  to: number;
}

const BARE = 0.6;
const BARE_WITH_SURNAME_OR_PHONE = 0.7;
const BARE_WITH_PATRONYMIC = 0.75;
const UNKNOWN_NAME_AFTER_STRONG_CUE = 0.7;
const MAX_CUE_WORDS = 3;

/**
 * Finds the names of people in a message, each in the nominative, in text order. A name after a cue
 * ("на имя", "зовут", "для", "на", "запишите", "маму,") gets 0.85–0.95; a bare name 0.6 (0.7 next to a
 * phone or with a surname, 0.75 with a patronymic). A name after a master cue ("к Ольге", "мастеру
 * Марине", "с Ирой") is skipped, as are the `exclude` spans. Names that are also ordinary words
 * ("вера", "роза") need a cue, a capital mid-sentence or a message of their own.
 *
 * @example
 * extractGuestName('запишите маму, Тамару Ивановну')[0].value // 'Тамара Ивановна'
 * extractGuestName('ирина')[0]                                 // value 'Ирина', confidence 0.6
 */
export function extractGuestName(text: string, options: GuestNameOptions = {}): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const exclude = options.exclude ?? [];
  const words = splitWords(text);
  for (const word of words) word.excluded = exclude.some((span) => word.start < span.end && span.start < word.end);
  const phones = extractPhones(text);
  const entities: Entity[] = [];
  let i = 0;
  while (i < words.length) {
    const found = nameAt(text, words, i, phones);
    if (found === undefined) {
      i++;
      continue;
    }
    entities.push(found.entity);
    i = found.next;
  }
  return entities;
}

function nameAt(text: string, words: Word[], i: number, phones: Entity[]): { entity: Entity; next: number } | undefined {
  if (words[i].excluded) return undefined;
  const readings = readFirstName(words[i].folded);
  if (readings.length === 0) return unknownNameAt(text, words, i);
  const group = buildGroup(text, words, i);
  // The cue is read before the whole name: "запишите Петрову Анну".
  const from = Math.min(i, ...group.surnames.map((s) => s.index));
  const cue = readCue(cueWords(text, words, from));
  if (cue.kind === 'master') return undefined;
  const name = chooseReading(group, readings, cue);
  const alone = standsAlone(text, words[name.from].start, words[name.to].end, phones);
  const capitalMidSentence = words[i].capitalised && !words[i].opensSentence;
  if (name.first.ambiguous && cue.kind === 'none' && !name.patronymic && !name.surname && !alone && !capitalMidSentence) {
    return undefined;
  }
  const confidence = cue.kind !== 'none' ? cue.confidence
    : name.patronymic ? BARE_WITH_PATRONYMIC
      : name.surname || nextToPhone(text, words[name.from].start, words[name.to].end, phones) ? BARE_WITH_SURNAME_OR_PHONE
        : BARE;
  const value = [name.first.display, name.patronymic?.nominative, name.surname?.nominative]
    .filter((part): part is string => part !== undefined)
    .map(capitalise)
    .join(' ');
  return { entity: entity(text, words[name.from].start, words[name.to].end, value, confidence), next: name.to + 1 };
}

/** A word the lexicon does not know, right after "на имя", "имя" or "зовут". */
/** Imperative verb endings («поправьте», «исправьте», «запишите», «поменяйте»). */
const IMPERATIVE = /(?:йте|ите|ьте)$/u;

function unknownNameAt(text: string, words: Word[], i: number): { entity: Entity; next: number } | undefined {
  const cue = readCue(cueWords(text, words, i));
  if (!cue.strong || i === 0 || !adjacent(text, words[i - 1], words[i], /^[\s:,"«-]*$/)) return undefined;
  // "на имя Ковалёвой Марины": a surname before a known name is read with that name.
  const next = words[i + 1];
  if (next !== undefined && adjacent(text, words[i], next) && readFirstName(next.folded).length > 0) return undefined;
  // «имя поправьте, Варвара»: a verb in the imperative is no name.
  if (IMPERATIVE.test(words[i].lower)) return undefined;
  const nominative = guessNominative(words[i].lower, cue.expects);
  if (nominative === undefined) return undefined;
  const after = words[i + 1];
  const patronymic = after && !after.excluded && adjacent(text, words[i], after) ? readPatronymic(after.lower) : undefined;
  const to = patronymic ? i + 1 : i;
  const value = [nominative, patronymic?.nominative].filter((p): p is string => p !== undefined).map(capitalise).join(' ');
  return { entity: entity(text, words[i].start, words[to].end, value, UNKNOWN_NAME_AFTER_STRONG_CUE), next: to + 1 };
}

/**
 * The first name at `i` with the words that may complete it: a patronymic right after it, and a
 * surname after it (or after the patronymic) or right before it. A word that is itself a first name is
 * never read as a surname.
 */
function buildGroup(text: string, words: Word[], i: number): NameGroup {
  const group: NameGroup = { index: i, surnames: [] };
  const next = words[i + 1];
  if (next !== undefined && !next.excluded && adjacent(text, words[i], next)) {
    const reading = readPatronymic(next.lower);
    if (reading !== undefined) group.patronymic = { index: i + 1, reading };
  }
  const surnameAt = (j: number, neighbour: number): void => {
    const word = words[j];
    if (word === undefined || word.excluded || !adjacent(text, words[Math.min(j, neighbour)], words[Math.max(j, neighbour)])) return;
    if (readFirstName(word.folded).length > 0) return;
    const readings = readSurname(word.lower, word.capitalised);
    if (readings.length > 0) group.surnames.push({ index: j, readings });
  };
  const last = group.patronymic?.index ?? i;
  surnameAt(last + 1, last);
  if (i > 0) surnameAt(i - 1, i);
  return group;
}

/**
 * The readings of the name, its patronymic and its surname that agree in gender and case and best fit
 * the cue's expected case; without a cue the nominative is preferred. A patronymic or surname that
 * agrees with no reading of the name is left out.
 */
function chooseReading(group: NameGroup, readings: FirstNameReading[], cue: Cue): FullName {
  const expected: GrammaticalCase[] = cue.expects.length > 0 ? cue.expects : ['nom'];
  let best: (FullName & { score: number }) | undefined;
  for (const reading of readings) {
    let cases = reading.cases;
    let patronymic: PatronymicReading | undefined;
    if (group.patronymic !== undefined) {
      const shared = agree(reading, cases, group.patronymic.reading);
      if (shared.length > 0) [cases, patronymic] = [shared, group.patronymic.reading];
    }
    let surname: { index: number; reading: SurnameReading } | undefined;
    for (const candidate of group.surnames) {
      for (const surnameReading of candidate.readings) {
        const shared = agree(reading, cases, surnameReading);
        if (surname === undefined && shared.length > 0) {
          surname = { index: candidate.index, reading: surnameReading };
          cases = shared;
        }
      }
    }
    const rank = expected.findIndex((c) => cases.includes(c));
    // A name after «подруги», «мамы» is a woman's, whatever case the guest put it in.
    const agreesWithRelation = cue.gender !== undefined && reading.gender === cue.gender ? 15 : 0;
    const score = (rank < 0 ? 0 : 10 - rank) + (patronymic ? 20 : 0) + (surname ? 20 : 0) + agreesWithRelation;
    if (best === undefined || score > best.score) {
      const indices = [group.index, patronymic ? group.patronymic?.index ?? group.index : group.index, surname?.index ?? group.index];
      best = {
        score,
        first: { ...reading, cases },
        patronymic,
        surname: surname?.reading,
        from: Math.min(...indices),
        to: Math.max(...indices),
      };
    }
  }
  // readings is never empty here, so best is set.
  const chosen = best as FullName & { score: number };
  return { first: chosen.first, patronymic: chosen.patronymic, surname: chosen.surname, from: chosen.from, to: chosen.to };
}

/** The cases a name and a patronymic or surname share when their genders agree. */
function agree(first: FirstNameReading, cases: GrammaticalCase[], other: { gender: 'f' | 'm'; cases: GrammaticalCase[] }): GrammaticalCase[] {
  if (first.gender !== 'u' && first.gender !== other.gender) return [];
  return cases.filter((c) => other.cases.includes(c));
}

/** Up to three words before `index` in the same sentence, folded, nearest last. */
function cueWords(text: string, words: Word[], index: number): string[] {
  const out: string[] = [];
  for (let j = index - 1; j >= 0 && out.length < MAX_CUE_WORDS; j--) {
    // A sentence end or another entity ("к Ольге Ирину") cuts the cue off.
    if (words[j].excluded || /[.!?\n]/.test(text.slice(words[j].end, words[j + 1].start))) break;
    out.unshift(words[j].folded);
  }
  return out;
}

/** True when the message is only this name (and maybe a phone): a one-word answer to "как вас зовут?". */
function standsAlone(text: string, start: number, end: number, phones: Entity[]): boolean {
  let rest = text.slice(0, start) + ' ' + text.slice(end);
  for (const phone of phones) rest = rest.replace(phone.text, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

function nextToPhone(text: string, start: number, end: number, phones: Entity[]): boolean {
  return phones.some((p) =>
    (p.start >= end && /^[\s,:;–—-]*$/.test(text.slice(end, p.start)))
    || (p.end <= start && /^[\s,:;–—-]*$/.test(text.slice(p.end, start))));
}

/** Two words with only spaces (or `between`) between them. */
function adjacent(text: string, a: Word, b: Word, between: RegExp = /^\s+$/): boolean {
  return between.test(text.slice(a.end, b.start));
}

function splitWords(text: string): Word[] {
  const folded = foldForMatching(text);
  const words: Word[] = [];
  let previousEnd = 0;
  for (const match of folded.matchAll(/[а-я]+/g)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const original = text.slice(start, end);
    const cyrillic = /^[а-яё]+$/i.test(original);
    words.push({
      start,
      end,
      folded: match[0],
      lower: cyrillic ? original.toLowerCase() : match[0],
      capitalised: original[0] !== original[0].toLowerCase(),
      opensSentence: words.length === 0 || /[.!?\n]/.test(text.slice(previousEnd, start)),
    });
    previousEnd = end;
  }
  return words;
}

function entity(text: string, start: number, end: number, value: string, confidence: number): Entity {
  return { entity: 'guest_name', value, start, end, text: text.slice(start, end), extractor: 'name', confidence };
}

function capitalise(word: string): string {
  return word.length === 0 ? word : word[0].toUpperCase() + word.slice(1);
}

/**
 * A message in another language than Russian: English words with no Cyrillic at all («Do you speak
 * English?», «can I book a manicure tomorrow»), or a script the assistant does not read (Chinese,
 * Arabic, Georgian…). Russian typed on an English keyboard («pfgbibnt yf vfybrbh») is not English: its
 * words are not English words, and the NLU reads it.
 */
import { CYRILLIC, prepareGuardText, type GuardText } from './fold';

/** A message the guardrails read as written in another language. */
export interface ForeignLanguageMatch {
  kind: 'foreign';
  /** `en` for English, `other` for another script. */
  language: 'en' | 'other';
  /** The words that decided it (for logs). */
  match: string;
}

/** Common English words: a message of them (half its words, two at least) is English. */
const ENGLISH = new Set(
  ('a an the i you we he she it they me my your our is are am was be been do does did can could would will shall ' +
    'should may might must have has had not no yes ok hi hello hey dear thanks thank please sorry excuse speak english ' +
    'russian language understand help want like need book booking appointment make schedule cancel change move ' +
    'time today tomorrow when where what how much many price cost costs salon nails nail manicure pedicure hair haircut ' +
    'lashes brows there here this that with for to of in on at from about any anyone someone who which why and or but ' +
    'if so just only also very good morning evening afternoon day week please tell know open close opening hours address ' +
    'free available possible get go come call talk to him her them us').split(' '),
);

/** Letters of scripts the assistant does not read. */
const OTHER_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Greek}]/u;
const LATIN_WORD = /^[a-z][a-z'’]*$/;

/**
 * The language of a message that is not Russian, or undefined.
 *
 * @example detectForeignLanguage('Do you speak English?')  // { kind: 'foreign', language: 'en', match: 'do you speak english' }
 * @example detectForeignLanguage('pfgbibnt yf vfybrbh')    // undefined
 */
export function detectForeignLanguage(message: string | GuardText): ForeignLanguageMatch | undefined {
  const { clean, folded } = typeof message === 'object' && message !== null ? message : prepareGuardText(message);
  if (CYRILLIC.test(clean)) return undefined;
  const other = OTHER_SCRIPT.exec(clean);
  if (other) return { kind: 'foreign', language: 'other', match: other[0] };
  const words = folded.trim().split(' ').filter((w) => w !== '');
  if (words.length < 2 || !words.every((w) => LATIN_WORD.test(w) || /^\d+$/.test(w))) return undefined;
  const english = words.filter((w) => ENGLISH.has(w.replace(/['’].*$/, '')));
  return english.length >= 2 && english.length * 2 >= words.length ? { kind: 'foreign', language: 'en', match: english.slice(0, 6).join(' ') } : undefined;
}

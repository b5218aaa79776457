/**
 * The nominative of a name the lexicon does not know, after a cue strong enough to trust ("на имя
 * Снежаны", "меня зовут Эльвина"). Only the frequent female genitive endings are undone; any other
 * word is taken as written.
 */

import type { GrammaticalCase } from './decline';
import { fold, readRelation } from './lexicon';

/** Words that follow "на имя" / "зовут" without being a name. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'меня', 'мне', 'мой', 'моя', 'мою', 'моей', 'моего', 'его', 'ее', 'нее', 'него', 'себя', 'нас', 'вас',
  'вам', 'них', 'их', 'кого', 'как', 'не', 'так', 'тоже', 'она', 'он', 'они', 'ваш', 'ваша', 'вашей',
  'такое', 'такая', 'там', 'тут', 'все', 'вся', 'другое', 'другой', 'другого', 'человека', 'клиента',
  'гостя', 'фамилию', 'фамилия', 'имя', 'и', 'а', 'но', 'или', 'то', 'что', 'чего', 'который', 'которая',
  'записать', 'запишите', 'подарок', 'подарка', 'сертификат', 'сертификата',
]);

/**
 * The nominative of an unknown name written in `expected` case, or undefined when the word is no name.
 *
 * @example
 * guessNominative('снежаны', ['gen', 'nom']) // 'снежана'
 * guessNominative('эльвина', ['nom'])        // 'эльвина'
 */
export function guessNominative(lowercase: string, expected: readonly GrammaticalCase[]): string | undefined {
  const folded = fold(lowercase);
  if (folded.length < 3 || NOT_NAMES.has(folded) || readRelation(folded) !== undefined) return undefined;
  if (!/^[а-яё]+$/.test(lowercase)) return undefined;
  if (!expected.includes('gen')) return lowercase;
  if (lowercase.endsWith('ии')) return lowercase.slice(0, -1) + 'я';
  if (lowercase.endsWith('ьи')) return lowercase.slice(0, -1) + 'я';
  if (lowercase.endsWith('ы')) return lowercase.slice(0, -1) + 'а';
  if (/[гкхжшчщ]и$/.test(lowercase)) return lowercase.slice(0, -1) + 'а';
  if (lowercase.endsWith('и')) return lowercase.slice(0, -1) + 'я';
  // "-а"/"-я" after "на имя" is far more often a woman's nominative than a man's genitive.
  return lowercase;
}

/**
 * The answer to the question asked wins: a message that is nothing but a value word of the awaited slot
 * («не важно», «без разницы», «мне всё равно» at the master question) is that value, whatever intent the
 * classifier guesses for it (stop, chit-chat, another flow).
 */
import type { SlotDefinition } from '../flow-machines';
import { awaitedWord, foldWords } from './slots';

/** Words around a value word that change nothing: «ну мне правда всё равно». */
const FILLERS = new Set(['ну', 'да', 'мне', 'нам', 'а', 'так', 'уже', 'вообще', 'честно', 'правда', 'абсолютно', 'совершенно', 'совсем', 'уж', 'ой', 'хм', 'пожалуйста', 'наверное', 'думаю', 'короче']);

/**
 * True when the text says only a value of the awaited slot.
 *
 * @example isValueAnswer(slots.get('master'), 'не важно')        // true
 * @example isValueAnswer(slots.get('master'), 'не важно, отмена') // false
 */
export function isValueAnswer(definition: SlotDefinition | undefined, text: string): boolean {
  if (!definition) return false;
  const word = awaitedWord(definition, text);
  if (word === undefined) return false;
  const rest = ` ${foldWords(text)} `.replace(` ${word} `, ' ').trim();
  return rest === '' || rest.split(' ').every((w) => FILLERS.has(w));
}

import type { Command } from '../../commands';
import { foldWords, onlyHesitates } from '../../slots';
import type { Reading } from '../reading';

/** Words that stop whatever else the message says («не важно, отмена»). */
const PLAIN_STOPS = ['стоп', 'отмен\\p{L}*', 'хватит', 'отбой', 'прекрат\\p{L}*', 'выйти', 'выход', 'stop', 'cancel'];
/** … and those no value word outweighs, though a new choice may («передумала, давайте коррекцию бровей»). */
const STRONG_STOPS = [...PLAIN_STOPS, 'передумал\\p{L}*', 'забуд\\p{L}*', 'закончим', 'заканчиваем'];
/**
 * Words that say «stop» outright. The classifier's `stop` without one of them is a guess: a flow the
 * guest has given answers to is not dropped on a guess, she is asked «Отменить запись?».
 */
const ALL_STOPS = [...STRONG_STOPS, 'неактуальн\\p{L}*', 'не актуальн\\p{L}*', 'не надо', 'не нужно', 'не хочу', 'не буду', 'уже не'];

/** A word list as a regular expression over a text folded by `foldWords` and padded with spaces. */
const wordsRegExp = (words: readonly string[]) => new RegExp(`(?:^| )(?:${words.join('|')})(?: |$)`, 'u');
const PLAIN_STOP_WORDS = wordsRegExp(PLAIN_STOPS);
const STRONG_STOP_WORDS = wordsRegExp(STRONG_STOPS);
const STOP_WORDS = wordsRegExp(ALL_STOPS);

/** «стоп», «передумала»: the flow ends politely (a bare «ой» is a sound, not a stop). */
export function stopRule(r: Reading): Command[] | undefined {
  const { u, confident, valueAnswer, active } = r;
  if (!active || u.intent !== 'stop' || !confident || u.payload?.kind === 'slot' || onlyHesitates(u.text) || valueAnswer) return undefined;
  const folded = ` ${foldWords(u.text)} `;
  if (namesAwaitedValue(r) && !STRONG_STOP_WORDS.test(folded)) return undefined;
  // «передумала, давайте коррекцию бровей»: a change of mind that names the new choice is a correction.
  if (givesNewValues(r) && !PLAIN_STOP_WORDS.test(folded)) return undefined;
  if (!hasProgress(r) || STOP_WORDS.test(folded)) return [{ kind: 'cancel_flow', then: 'stopped' }];
  return [{ kind: 'confirm_cancel', flow: active }];
}

/** The message names something new for the active flow (a service, a salon, a time: not a bare «не надо»). */
function givesNewValues({ values, flows }: Reading): boolean {
  return Object.entries(values).some(([name, v]) => flows.slots.get(name)?.entity !== undefined && v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0));
}

/** «ничего не надо, просто отзыв» at the outcome question: a value word of the awaited slot is the answer. */
function namesAwaitedValue({ awaiting, flows, values }: Reading): boolean {
  return awaiting !== null && flows.slots.get(awaiting)?.values !== undefined && values[awaiting] !== undefined;
}

/** The text says «stop» in so many words. */
export function saysStop(text: string): boolean {
  return STOP_WORDS.test(` ${foldWords(text)} `);
}

/** The guest has given the active flow something: a slot it does not compute itself is filled. */
function hasProgress({ slots, flows }: Reading): boolean {
  return Object.entries(slots).some(([name, value]) => value !== undefined && value !== null && flows.slots.get(name)?.computed !== true);
}

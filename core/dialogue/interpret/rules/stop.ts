import type { Command } from '../../commands';
import { foldWords, onlyHesitates } from '../../slots';
import type { Reading } from '../reading';

/**
 * Words that say «stop» outright. The classifier's `stop` without one of them is a guess: a flow the
 * guest has given answers to is not dropped on a guess, she is asked «Отменить запись?».
 */
const STOP_WORDS = /(?:^| )(?:стоп|отмен\p{L}*|передумал\p{L}*|хватит|отбой|прекрат\p{L}*|забуд\p{L}*|неактуальн\p{L}*|не актуальн\p{L}*|не надо|не нужно|не хочу|не буду|уже не|выйти|выход|закончим|заканчиваем|stop|cancel)(?: |$)/u;
/** Of those, the ones no value word outweighs («не важно, отмена» stops; «ничего не надо, просто отзыв» answers). */
const STRONG_STOP_WORDS = /(?:^| )(?:стоп|отмен\p{L}*|передумал\p{L}*|хватит|отбой|прекрат\p{L}*|забуд\p{L}*|выйти|выход|закончим|заканчиваем|stop|cancel)(?: |$)/u;

/** «стоп», «передумала»: the flow ends politely (a bare «ой» is a sound, not a stop). */
export function stopRule(r: Reading): Command[] | undefined {
  const { u, confident, valueAnswer, active } = r;
  if (!active || u.intent !== 'stop' || !confident || u.payload?.kind === 'slot' || onlyHesitates(u.text) || valueAnswer || (namesAwaitedValue(r) && !STRONG_STOP_WORDS.test(` ${foldWords(u.text)} `))) return undefined;
  // «передумала, давайте коррекцию бровей»: a change of mind that names the new choice is a correction.
  if (givesNewValues(r) && !PLAIN_STOP_WORDS.test(` ${foldWords(u.text)} `)) return undefined;
  if (!hasProgress(r) || saysStop(u.text)) return [{ kind: 'cancel_flow', then: 'stopped' }];
  return [{ kind: 'confirm_cancel', flow: active }];
}

/** Words that stop whatever else the message says («не важно, отмена»); «передумала» may name a new choice. */
const PLAIN_STOP_WORDS = /(?:^| )(?:стоп|отмен\p{L}*|хватит|отбой|прекрат\p{L}*|выйти|выход|stop|cancel)(?: |$)/u;

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

import type { Command } from '../../commands';
import type { Reading } from '../reading';
import { asksQuestion } from '../question';
import { corrected } from './digression';

/**
 * Values for the awaited slot, later ones (given early) or earlier ones (a correction); those for the
 * flow that called the active one are kept for it. Nothing usable: the flow asks again (a question the
 * FAQ can answer is answered first).
 */
export function slotAnswerRule(r: Reading): Command[] | undefined {
  if (!r.active) return undefined;
  const commands: Command[] = [];
  if (Object.keys(r.forCaller).length > 0) commands.push({ kind: 'carry_to_caller', values: r.forCaller });
  if (Object.keys(r.values).length > 0) commands.push({ kind: 'set_slots', values: r.values, corrects: corrected(r) });
  // «а где это?» heard too faintly to be sure: a question the FAQ answers is answered, else it is no answer.
  else if (r.u.payload === undefined && asksQuestion(r.u.text)) commands.push({ kind: 'answer_question', inPassing: true, orNoValue: true });
  else commands.push({ kind: 'cannot_handle' });
  return commands;
}

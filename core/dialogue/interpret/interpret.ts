/**
 * The dialogue policy: a message read in its context (`Reading`) becomes an ordered list of typed
 * commands, by a few general rules tried in order — the answer to the assistant's own question, a person
 * asked for, then inside a flow a guest holding the floor («минутку»), «стоп», another request, a question in passing and the answer to the
 * question asked; outside a flow, a request, a question or a clarification.
 */
import type { Command } from '../commands';
import type { Reading } from './reading';
import { answerToPending, digressionRule, handOverRule, holdTheFloorRule, outsideFlowRule, slotAnswerRule, stopRule, switchFlowRule } from './rules';

type Rule = (r: Reading) => Command[] | undefined;

/** Inside a flow, in order: the first that reads the message decides it. */
const IN_FLOW: readonly Rule[] = [holdTheFloorRule, stopRule, switchFlowRule, digressionRule, slotAnswerRule];

/** What the message means for the conversation, as commands to apply in order. */
export function interpret(r: Reading): Command[] {
  if (r.refusedPayload) return [{ kind: 'refuse_button', payload: r.refusedPayload }];
  const pending = answerToPending(r);
  if (pending?.final) return pending.commands;
  const before = pending?.commands ?? [];
  const handOver = handOverRule(r);
  if (handOver) return [...before, ...handOver];
  if (r.active) {
    for (const rule of IN_FLOW) {
      const commands = rule(r);
      if (commands) return [...before, ...commands];
    }
  }
  return [...before, ...outsideFlowRule(r)];
}

import type { Command } from '../../commands';
import { ANSWERS, type Reading } from '../reading';

/**
 * Another flow's intent interrupts the active one (which is offered again afterwards) — unless the
 * message answers the question asked: a story, a value word, or nothing but slot values.
 */
export function switchFlowRule(r: Reading): Command[] | undefined {
  const { u, intentFlow, active } = r;
  if (!active || !intentFlow || intentFlow === active || ANSWERS.has(u.intent)) return undefined;
  if (r.freeTextAwaited || r.answersOnly || r.valueAnswer || u.payload?.kind === 'slot') return undefined;
  return [{ kind: 'start_flow', flow: intentFlow, interrupts: active }];
}

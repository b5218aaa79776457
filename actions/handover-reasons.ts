/**
 * The handover reasons the assistant can give staff: the flows' `handover` actions, the FAQ's handover
 * entries and the ones built into the engine (a guest asking, the guardrails). Each needs words in
 * content/staff.yaml; `checkStaffReasons` says which are missing and where they come from.
 */
import { type FaqBase, type FlowSet, GUARDRAIL_HANDOVER_REASONS } from '../core';
import { DEFAULT_HANDOVER_REASON } from './handover-action';

/** The `handover` action of the salon's registry. */
const HANDOVER_ACTION = 'handOver';

/**
 * Every reason in use, with where it first appears.
 *
 * @example handoverReasonsInUse(flows, faq).get('complaint') // 'flows/complaint.yaml:48'
 */
export function handoverReasonsInUse(flows: Pick<FlowSet, 'definitions'>, faq: Pick<FaqBase, 'entries'>): Map<string, string> {
  const reasons = new Map<string, string>([[DEFAULT_HANDOVER_REASON, 'the handover flow (a guest asking for a person)']]);
  for (const reason of Object.values(GUARDRAIL_HANDOVER_REASONS)) reasons.set(reason, 'the guardrails (core/guardrails)');
  for (const flow of flows.definitions.values()) {
    for (const step of flow.steps) {
      if (step.kind !== 'action' || step.action !== HANDOVER_ACTION) continue;
      const reason = typeof step.params.reason === 'string' && step.params.reason ? step.params.reason : DEFAULT_HANDOVER_REASON;
      if (!reasons.has(reason)) reasons.set(reason, `${flow.file}:${step.line}`);
    }
  }
  for (const entry of faq.entries) {
    if (entry.handover && !reasons.has(entry.handover)) reasons.set(entry.handover, `${entry.source.file}${entry.source.line ? `:${entry.source.line}` : ''}`);
  }
  return reasons;
}

/** Readings of a message built by hand, for the policy's rules: no NLU, no flows running. */
import type { FlowSet, SlotDefinition } from '../../../../core/flow-machines';
import type { Reading } from '../../../../core/dialogue/interpret/reading';
import type { Understanding } from '../../../../core/dialogue/understand';

/** The flows the rules look up: which intent starts which flow, which slots the actions compute. */
const flows = {
  byIntent: new Map([['booking', 'booking'], ['cancel', 'cancel'], ['complaint', 'complaint'], ['handover', 'handover']]),
  slots: new Map<string, Partial<SlotDefinition>>([['service', { name: 'service' }], ['slot_options', { name: 'slot_options', computed: true }]]),
} as unknown as FlowSet;

/** The guest said `text`, read as `intent` with `confidence`. */
export function said(text: string, intent: string, confidence = 0.9, more: Partial<Understanding> = {}): Understanding {
  return { text, intent, confidence, ranking: [{ name: intent, confidence }], entities: [], lowConfidence: intent === 'nlu_fallback', ...more };
}

/** A reading outside any flow, or inside `active` with `more`. */
export function reading(u: Understanding, more: Partial<Reading> = {}): Reading {
  const confident = !u.lowConfidence && u.confidence >= 0.5;
  return {
    u, flows, confident, pending: null, active: null, awaiting: null, slots: {}, valueAnswer: false, values: {}, forCaller: {},
    freeTextAwaited: false, answersOnly: false, intentFlow: confident || u.payload?.kind === 'intent' ? flows.byIntent.get(u.intent) : undefined, fallbacks: 0, ...more,
  };
}

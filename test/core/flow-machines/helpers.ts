import type { Entity } from '../../../nlu/types';
import { createActor, waitFor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { buildFlowSet, parseFlow, parseSlots, type FlowEmitted, type FlowEvent, type FlowRegistry, type FlowSet } from '../../../core/flow-machines';

export const TEST_SLOTS = parseSlots(`slots:
  service: { type: list, entity: service }
  branch: { type: id, entity: branch }
  when: { type: when, entity: when }
  slot: { type: text, reset_on_rewind: true }
  confirmed: { type: boolean, reset_on_rewind: true }
  guest_name: { type: text, entity: guest_name, from_text: true }
  client: { type: text, computed: true }
`, 'flows/slots.yaml');

/** Responses known to the test flows. */
export const TEST_RESPONSES = new Set([
  'ask_service', 'ask_branch', 'ask_when', 'offer_slots', 'confirm', 'done', 'no_slots', 'generic_error',
  'fallback_not_understood_offer_human', 'flow_changed_restart', 'service_not_understood', 'crm_down', 'not_confirmed',
]);

export const noopRegistry = (): FlowRegistry => ({
  actions: { findSlots: async () => ({ slots: { offered: ['10:00'] } }), book: async () => ({ say: [{ response: 'done' }] }) },
  guards: { knownService: ({ slots }) => slots.service !== 'unknown', hasOffers: ({ slots }) => Array.isArray(slots.offered) && slots.offered.length > 0 },
  buttons: { handoverButton: () => [{ title: 'Администратор', payload: '/handover' }], services: () => [] },
});

/**
 * Flows from inline YAML documents (one string per file), like Rasa's `flows_from_str`.
 */
export function flowsFromString(sources: Record<string, string>, registry: FlowRegistry = noopRegistry(), intents?: string[]): FlowSet {
  const definitions = Object.entries(sources).map(([file, source]) => parseFlow(source, file));
  return buildFlowSet(definitions, { registry, slots: TEST_SLOTS, responses: TEST_RESPONSES, intents });
}

/** Runs a flow machine and records what it says; `send` waits until the flow waits again or ends. */
export async function runFlow(machine: AnyStateMachine, input: { slots?: Record<string, unknown>; cues?: Entity[] } = {}, snapshot?: unknown) {
  const said: FlowEmitted[] = [];
  const actor: AnyActorRef = createActor(machine, {
    input: { slots: input.slots, cues: input.cues, conversation: { id: 't:1', channel: 't', userId: '1' } },
    ...(snapshot ? { snapshot: snapshot as never } : {}),
  });
  actor.on('*', (event: FlowEmitted) => said.push(event));
  actor.start();
  const settle = () => waitFor(actor, (s) => s.status !== 'active' || [...s.tags].some((t: string) => t.startsWith('awaiting:') || t.startsWith('call:')));
  await settle();
  return {
    actor,
    said,
    responses: () => said.filter((e) => e.type === 'say').map((e) => (e as { response: string }).response),
    awaiting: () => ([...actor.getSnapshot().tags] as string[]).find((t) => t.startsWith('awaiting:'))?.slice('awaiting:'.length),
    slots: () => actor.getSnapshot().context.slots as Record<string, unknown>,
    async send(event: FlowEvent) {
      said.length = 0;
      actor.send(event);
      await settle();
    },
  };
}

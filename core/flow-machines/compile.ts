import { and, assign, emit, enqueueActions, fromPromise, setup, type AnyStateMachine } from 'xstate';
import { writeKeyFor } from './write-keys';
import type { FlowRegistry, FlowInput, ActionResult } from './registry';
import { AWAITING_TAG, CALL_TAG, type FlowContext, type FlowEmitted, type FlowEvent, type FlowMachineInput, type FlowOutput } from './machine-types';
import type { SlotCatalog } from './slots';
import type { ActionStep, CallStep, CollectStep, Condition, FlowDefinition, IfStep, Step } from './types';

const END = '__end';
const ERROR = '__error';
const GAVE_UP = '__gave_up';

/**
 * Builds the one XState `setup()` every flow is compiled with: the registry's actions become
 * `fromPromise` actors, its guards XState guards, plus the compiler's own actions and guards.
 * Tests swap implementations with `machine.provide()`.
 */
export function flowSetup(registry: FlowRegistry, slots: SlotCatalog) {
  const inputOf = (context: FlowContext, params: Record<string, unknown> = {}): FlowInput => ({
    flow: context.flow,
    slots: context.slots,
    params,
    conversation: context.conversation,
  });
  const actors = Object.fromEntries(
    Object.entries(registry.actions).map(([name, action]) => [name, fromPromise<ActionResult | void, FlowInput>(({ input }) => action(input))]),
  );
  const guards = Object.fromEntries(
    Object.entries(registry.guards).map(([name, guard]) => [name, ({ context }: { context: FlowContext }, params: Record<string, unknown> | undefined) => guard(inputOf(context, params))]),
  );

  return setup({
    types: {
      context: {} as FlowContext,
      events: {} as FlowEvent,
      input: {} as FlowMachineInput,
      output: {} as FlowOutput,
      emitted: {} as FlowEmitted,
    },
    actors,
    guards: {
      ...guards,
      filled: ({ context }, params: { slot: string }) => context.slots[params.slot] !== undefined && context.slots[params.slot] !== null,
      slotEquals: ({ context }, params: { slot: string; equals: unknown }) => JSON.stringify(context.slots[params.slot]) === JSON.stringify(params.equals),
      slotFilled: ({ context }, params: { slot: string; filled: boolean }) => (context.slots[params.slot] !== undefined && context.slots[params.slot] !== null) === params.filled,
      exhausted: ({ context }, params: { step: string; max: number }) => (context.attempts[params.step] ?? 0) + 1 >= params.max,
      corrects: ({ context, event }, params: { slot: string }) =>
        event.type === 'SLOTS' &&
        event.values[params.slot] !== undefined &&
        context.slots[params.slot] !== undefined &&
        JSON.stringify(event.values[params.slot]) !== JSON.stringify(context.slots[params.slot]),
    },
    actions: {
      say: emit(({ context }, params: { response: string; buttonProvider?: string }) => ({ type: 'say' as const, ...params, slots: context.slots })),
      reportAction: emit((_, params: { action: string; ok: boolean }) => ({ type: 'action' as const, ...params })),
      assignSlots: assign({
        slots: ({ context, event }) => (event.type === 'SLOTS' || event.type === 'RETURNED' ? mergeSlots(context.slots, event.type === 'SLOTS' ? event.values : event.slots) : context.slots),
      }),
      assignReturnedConversation: assign({
        conversation: ({ context, event }) => (event.type === 'RETURNED' && event.conversation ? { ...context.conversation, ...event.conversation } : context.conversation),
      }),
      clearSlot: assign({ slots: ({ context }, params: { slot: string }) => mergeSlots(context.slots, { [params.slot]: undefined }) }),
      countAttempt: assign({ attempts: ({ context }, params: { step: string }) => ({ ...context.attempts, [params.step]: (context.attempts[params.step] ?? 0) + 1 }) }),
      // No entry counts as 0: persisted snapshots carry only the steps that are being retried.
      resetAttempts: assign({ attempts: ({ context }, params: { step: string }) => withoutKey(context.attempts, params.step) }),
      rewind: assign({
        slots: ({ context }, params: { clear: string[] }) => mergeSlots(context.slots, Object.fromEntries(params.clear.map((s) => [s, undefined]))),
        attempts: () => ({}),
      }),
      applyResult: enqueueActions(({ enqueue, event, context }) => {
        const result = ((event as unknown as { output?: ActionResult | void }).output ?? {}) as ActionResult;
        const slots = result.slots ? mergeSlots(context.slots, result.slots) : context.slots;
        if (result.slots) enqueue.assign({ slots });
        if (result.conversation) enqueue.assign({ conversation: { ...context.conversation, ...result.conversation } });
        for (const say of result.say ?? []) enqueue.emit({ type: 'say', ...say, slots });
        if (result.handover) enqueue.emit({ type: 'handover', reason: result.handover.reason });
      }),
      rememberError: assign({ error: ({ event }) => String((event as unknown as { error?: unknown }).error instanceof Error ? ((event as unknown as { error: Error }).error.message) : (event as unknown as { error?: unknown }).error) }),
      setLink: assign({ link: (_, params: { flow: string }) => params.flow }),
      // The opening message named the item a picker slot asks for: fill it without asking. The entities
      // that named it fill no other slot (the booking's own time is not the new time), and are used once.
      pickFromCues: assign(({ context }, params: { slot: string; picker: string }) => {
        const picker = registry.pickers?.[params.picker];
        const empty = context.slots[params.slot] === undefined || context.slots[params.slot] === null;
        const pick = picker && context.cues && empty ? picker({ slots: context.slots, entities: context.cues, awaited: false }) : undefined;
        if (!pick) return { cues: undefined };
        const taken = Object.fromEntries(
          [...slots.values()]
            .filter((s) => s.entity !== undefined && pick.entities.some((e) => e.entity === s.entity && JSON.stringify(e.value) === JSON.stringify(context.slots[s.name])))
            .map((s) => [s.name, undefined]),
        );
        return { slots: mergeSlots(context.slots, { ...taken, [params.slot]: pick.value }), cues: undefined };
      }),
    },
  });
}

/** One flow as an XState machine, built with the shared setup. Step ids become state ids. */
export function compileFlow(flow: FlowDefinition, flowsSetup: ReturnType<typeof flowSetup>, slots: SlotCatalog): AnyStateMachine {
  const target = (stepId: string | undefined) => `#${flow.id}.${stepId ?? END}`;
  const collects = flow.steps.filter((s): s is CollectStep => s.kind === 'collect');
  const rewinds = new Map(collects.map((c) => [c.id, slotsToForget(flow, c, slots)]));
  const pickers = new Map(collects.flatMap((c) => {
    const picker = slots.get(c.slot)?.pickedBy?.name;
    return picker ? [[c.id, picker] as const] : [];
  }));
  const picks = pickers.size > 0;
  const states: Record<string, unknown> = {};
  for (const step of flow.steps) states[step.id] = compileStep(step, target, collects, rewinds, pickers);

  states[END] = { type: 'final' };
  states[ERROR] = { entry: { type: 'say', params: { response: 'generic_error' } }, always: { target: target(END) } };
  states[GAVE_UP] = { entry: { type: 'say', params: { response: 'fallback_not_understood_offer_human', buttonProvider: 'handoverButton' } }, always: { target: target(END) } };

  const machine = flowsSetup.createMachine({
    id: flow.id,
    initial: flow.steps[0].id,
    context: ({ input }) => ({
      flow: flow.id,
      slots: { ...(input.slots ?? {}) },
      attempts: {},
      conversation: input.conversation,
      ...(picks && input.cues?.length ? { cues: input.cues } : {}),
    }),
    // The compiled config is data built from YAML; XState's types cannot follow it statically.
    states: states as never,
    output: ({ context }) => ({ slots: context.slots, link: context.link, conversation: context.conversation, failed: context.error !== undefined }),
  });
  return machine as unknown as AnyStateMachine;
}

type Target = (stepId: string | undefined) => string;

/**
 * The choices to forget when the guest corrects the slot of `step`: slots marked `reset_on_rewind`
 * that steps after it collect or test (an offered time depends on the day asked before it; the name
 * asked after it does not).
 */
function slotsToForget(flow: FlowDefinition, step: CollectStep, slots: SlotCatalog): string[] {
  const later = flow.steps.slice(flow.steps.indexOf(step) + 1);
  const named = new Set<string>();
  for (const s of later) {
    if (s.kind === 'collect') named.add(s.slot);
    if (s.kind === 'if' && 'slot' in s.condition) named.add(s.condition.slot);
  }
  return [...named].filter((name) => name !== step.slot && slots.get(name)?.resetOnRewind);
}

function compileStep(step: Step, target: Target, collects: CollectStep[], rewinds: Map<string, string[]>, pickers: Map<string, string>): unknown {
  switch (step.kind) {
    case 'collect':
      return compileCollect(step, target, collects.slice(0, collects.indexOf(step)), rewinds, pickers.get(step.id));
    case 'action':
      return compileAction(step, target);
    case 'say':
      return { entry: { type: 'say', params: { response: step.response } }, always: { target: target(step.next) } };
    case 'if':
      return compileIf(step, target);
    case 'call':
      return compileCall(step, target);
    case 'link':
      return { entry: { type: 'setLink', params: { flow: step.flow } }, always: { target: target(END) } };
    case 'end':
      return { always: { target: target(END) } };
  }
}

/**
 * A collect step: `check` skips a filled, valid slot; `ask`, `reask` and `waiting` wait for the guest
 * (tagged `awaiting:<slot>`); `received` judges a value that just came. A value for an earlier step's slot
 * rewinds the flow to that step.
 */
function compileCollect(step: CollectStep, target: Target, earlier: CollectStep[], rewinds: Map<string, string[]>, picker: string | undefined): unknown {
  const slot = { slot: step.slot };
  const exhausted = { type: 'exhausted', params: { step: step.id, max: step.maxAttempts } };
  const giveUp = { target: target(step.onMaxAttempts ?? GAVE_UP), actions: { type: 'resetAttempts', params: { step: step.id } } };
  const filled = { type: 'filled', params: slot };
  const askParams = { response: step.ask, buttonProvider: step.buttons };
  const refusedParams = { response: step.invalid ?? step.ask, buttonProvider: step.buttons };
  const proceed = { target: target(step.next), actions: { type: 'resetAttempts', params: { step: step.id } } };
  const judge = step.validate
    ? [
        { guard: and([filled, { type: step.validate.guard, params: { ...step.validate.params, slot: step.slot } }]), ...proceed },
        { guard: and([filled, exhausted]), ...giveUp, actions: [{ type: 'clearSlot', params: slot }, giveUp.actions] },
        // The refusal is said before the value is cleared, so it can name what was refused; the first
        // `invalid_when` guard that holds on the refused value says why instead.
        ...[...step.invalidWhen, { guard: undefined, response: refusedParams.response }].map((refusal) => ({
          guard: refusal.guard ? and([filled, refusal.guard]) : filled,
          target: 'waiting',
          actions: [
            { type: 'say', params: { ...refusedParams, response: refusal.response } },
            { type: 'clearSlot', params: slot },
            { type: 'countAttempt', params: { step: step.id } },
          ],
        })),
      ]
    : [{ guard: filled, ...proceed }];
  const awaiting = [`${AWAITING_TAG}${step.slot}`];

  return {
    initial: 'check',
    states: {
      check: {
        ...(picker && { entry: { type: 'pickFromCues', params: { slot: step.slot, picker } } }),
        always: step.askBeforeFilling ? [{ target: 'ask' }] : [...judge, { target: 'ask' }],
      },
      received: { always: [...judge, { target: 'reask' }] },
      ask: { tags: awaiting, entry: { type: 'say', params: askParams } },
      // Nothing usable for this slot (or only values for other slots): the question itself again. The
      // `invalid` response is for a refused value and may name it, so it is said only by the judge.
      reask: { tags: awaiting, entry: { type: 'say', params: askParams } },
      waiting: { tags: awaiting },
    },
    on: {
      SLOTS: [
        ...earlier.map((e) => ({
          guard: { type: 'corrects', params: { slot: e.slot } },
          target: target(e.id),
          actions: ['assignSlots', { type: 'rewind', params: { clear: rewinds.get(e.id) ?? [] } }],
        })),
        { target: '.received', reenter: true, actions: 'assignSlots' },
      ],
      NO_VALUE: [
        { guard: exhausted, ...giveUp },
        { target: '.reask', reenter: true, actions: { type: 'countAttempt', params: { step: step.id } } },
      ],
      REPEAT: { target: '.ask', reenter: true },
    },
  };
}

function compileAction(step: ActionStep, target: Target): unknown {
  return {
    invoke: {
      src: step.action,
      input: ({ context }: { context: FlowContext }): FlowInput => ({
        flow: context.flow, slots: context.slots, params: step.params, conversation: context.conversation, idempotencyKey: writeKeyFor(context.flow, step.id),
      }),
      onDone: { target: target(step.next), actions: [{ type: 'reportAction', params: { action: step.action, ok: true } }, 'applyResult'] },
      onError: { target: target(step.onError ?? ERROR), actions: [{ type: 'reportAction', params: { action: step.action, ok: false } }, 'rememberError'] },
    },
  };
}

function compileIf(step: IfStep, target: Target): unknown {
  return { always: [{ guard: conditionGuard(step.condition), target: target(step.then) }, { target: target(step.else ?? step.next) }] };
}

function compileCall(step: CallStep, target: Target): unknown {
  return { tags: [`${CALL_TAG}${step.flow}`], on: { RETURNED: { target: target(step.next), actions: ['assignSlots', 'assignReturnedConversation'] } } };
}

function conditionGuard(condition: Condition): unknown {
  if ('guard' in condition) return condition.params ? { type: condition.guard, params: condition.params } : condition.guard;
  if ('equals' in condition) return { type: 'slotEquals', params: { slot: condition.slot, equals: condition.equals } };
  return { type: 'slotFilled', params: { slot: condition.slot, filled: condition.filled } };
}

/** A copy of a record without one key (the record itself when it lacks the key). */
function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** Slots after an update; `undefined` (or null) removes a slot, so the persisted context stays small. */
export function mergeSlots(slots: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const out = { ...slots };
  for (const [name, value] of Object.entries(update)) {
    if (value === undefined || value === null) delete out[name];
    else out[name] = value;
  }
  return out;
}

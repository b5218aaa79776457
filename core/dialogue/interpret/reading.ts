/**
 * A message read in its context, before anything is decided: how sure the NLU is, what the active flow
 * waits for, which values the message gives its slots (and its caller's), which flow its intent starts,
 * and whether it only answers. Pure reads of the turn: nothing here changes the conversation.
 */
import type { Button } from '../../../common';
import type { FlowSet } from '../../flow-machines';
import type { TurnContext, Pending } from '../commands';
import { saysOnlyEntities } from '../entity-only';
import { isOfferedPayload } from '../offered-payload';
import { slotValuesFor } from '../slot-values';
import type { Understanding } from '../understand';
import { isValueAnswer } from '../value-answer';
import { asksForInformation, asksQuestion } from './question';
import { wishesAService } from './wish';

/** Intents that never start or switch a flow: they answer the flow's questions. */
export const ANSWERS = new Set(['inform', 'affirm', 'deny', 'nlu_fallback']);
/** The intents a wish for a service may be heard as, and the one it is. */
const COMPLAINT_INTENT = 'complaint';
export const BOOKING_INTENT = 'booking';
/** What the classifier calls a message about nothing the salon does. */
const OFF_TOPIC = 'out_of_scope';

export interface Reading {
  readonly u: Understanding;
  readonly flows: FlowSet;
  /** Above the switch threshold and not a fallback. */
  readonly confident: boolean;
  /** What the assistant's own last question waits for. */
  readonly pending: Pending;
  /** A pressed button that was not offered: nothing of it may be used. */
  readonly refusedPayload?: string;
  /** The active flow and the slot it waits for. */
  readonly active: string | null;
  readonly awaiting: string | null;
  /** The active flow's slots now. */
  readonly slots: Readonly<Record<string, unknown>>;
  /** The message is nothing but a value word of the awaited slot («не важно» at the master question). */
  readonly valueAnswer: boolean;
  /** The values it gives the active flow, and the flow that called it. */
  readonly values: Record<string, unknown>;
  readonly forCaller: Record<string, unknown>;
  /** The awaited slot takes free text (a complaint's story) and the message gave it. */
  readonly freeTextAwaited: boolean;
  /** It names only slot values («на Патриках?», «маникюр»): an answer, however it is punctuated. */
  readonly answersOnly: boolean;
  /** The flow the intent starts, when it may (confident, or a pressed intent button). */
  readonly intentFlow?: string;
  readonly fallbacks: number;
}

/** Reads the message of the turn in its context (see `Reading`). */
export function readMessage(ctx: TurnContext, pending: Pending): Reading {
  const { deps, u, message, state, stack } = ctx;
  const { flows } = deps;
  const threshold = deps.switchThreshold ?? deps.nlu.fallbackThreshold;
  const confident = !u.lowConfidence && u.confidence >= threshold;
  const offered = isOfferedPayload(message.payload ?? '', state.lastButtons as Button[] | undefined, state.offered as string[] | undefined);
  const refusedPayload = u.payload && message.payload && !offered ? message.payload : undefined;
  const active = stack.top;
  const awaiting = stack.awaiting();
  const slots = stack.slots();
  // «хочу покрасить волосы, у меня длинные», «уложить волосы»: a wish for a service, not asked about, is a
  // request to book — heard as a complaint, a question, small talk or not clearly at all (another flow's
  // request, «перенесите маникюр», keeps its flow).
  // Only outside a flow or within the booking: inside a complaint «хочу, чтобы переделали» is its answer.
  const booking = flows.byIntent.get(BOOKING_INTENT);
  const overridable = (active === null || active === booking) && (u.intent === COMPLAINT_INTENT || !confident || !flows.byIntent.has(u.intent));
  const wish = u.payload === undefined && overridable && !asksForInformation(u.text) && wishesAService(u);
  const intent = wish ? BOOKING_INTENT : u.intent;
  const intentFlow = u.payload?.kind === 'intent' || confident || wish ? flows.byIntent.get(intent) : undefined;
  const base = { u, flows, confident, pending, refusedPayload, active, awaiting, slots, intentFlow, fallbacks: state.fallbacks ?? 0 };
  const definition = active ? flows.definitions.get(active) : undefined;
  if (!definition) return { ...base, valueAnswer: false, values: {}, forCaller: {}, freeTextAwaited: false, answersOnly: false };
  const valueAnswer = u.payload === undefined && awaiting !== null && isValueAnswer(flows.slots.get(awaiting), u.text);
  // A confident question or request is not the guest's name, however short; a statement the classifier
  // cannot place («Ксения Орлова» heard as off-topic) may be.
  const freeText = !confident || ANSWERS.has(u.intent) || (u.intent === OFF_TOPIC && !asksQuestion(u.text));
  const values = slotValuesFor(definition, flows.slots, u, { awaiting, attachments: message.attachments, freeText, current: slots, pickers: deps.registry.pickers });
  const freeTextAwaited = awaiting !== null && flows.slots.get(awaiting)?.fromText === true && values[awaiting] !== undefined;
  const forCaller = valuesForCaller(ctx, values);
  const answersOnly = u.payload === undefined && saysOnlyEntities(u.text, u.entities) && (Object.keys(values).length > 0 || Object.keys(forCaller).length > 0);
  return { ...base, valueAnswer, values, forCaller, freeTextAwaited, answersOnly };
}

/**
 * The values a message gives the flow that called the active one (a complaint, while identify asks the
 * phone), other than those the active flow takes itself; none for a pressed button.
 */
function valuesForCaller({ deps, stack, u }: TurnContext, own: Record<string, unknown>): Record<string, unknown> {
  const caller = stack.caller();
  const definition = caller && !u.payload ? deps.flows.definitions.get(caller.flow) : undefined;
  if (!caller || !definition) return {};
  const values = slotValuesFor(definition, deps.flows.slots, u, { awaiting: null, current: caller.slots, pickers: deps.registry.pickers });
  for (const name of Object.keys(own)) delete values[name];
  return values;
}

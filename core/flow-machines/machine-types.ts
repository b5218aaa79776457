import type { Entity } from '../../nlu';
import type { ConversationInfo } from './registry';
import type { Button } from '../../common';

/** The context of a compiled flow machine. Persisted: everything here is plain JSON. */
export interface FlowContext {
  flow: string;
  slots: Record<string, unknown>;
  /** Misses per collect step (no value, or a value the validation refused). */
  attempts: Record<string, number>;
  conversation: ConversationInfo;
  /** A flow to hand off to, set by a `link` step. */
  link?: string;
  /** The message of the last failed action. */
  error?: string;
  /**
   * The entities of the message that started the flow, kept (only by flows with a `picked_by` slot) until
   * that slot is reached: «перенесите маникюр» picks the manicure once the bookings are known.
   */
  cues?: Entity[];
}

/** What a flow machine is started with. */
export interface FlowMachineInput {
  slots?: Record<string, unknown>;
  conversation: ConversationInfo;
  /** The entities of the message that started the flow (see `FlowContext.cues`). */
  cues?: Entity[];
}

/** Events the dialogue manager sends a flow machine. */
export type FlowEvent =
  /** Values for slots, from the guest's message (entities, a button, free text). */
  | { type: 'SLOTS'; values: Record<string, unknown> }
  /** The guest answered, but nothing in it fills the awaited slot. */
  | { type: 'NO_VALUE' }
  /** Ask the pending question again (after a digression). */
  | { type: 'REPEAT' }
  /** A called flow finished with these slots. */
  /** A called flow returned: its slots, and what it learnt about the conversation (a client identified). */
  | { type: 'RETURNED'; slots: Record<string, unknown>; conversation?: ConversationInfo };

/** What a flow machine emits while it runs; the dialogue manager turns them into replies. */
export type FlowEmitted =
  /** A reply; `slots` are the flow's slots when it was said, for the response's variables. */
  | { type: 'say'; response: string; vars?: Record<string, unknown>; buttons?: Button[]; buttonProvider?: string; slots: Record<string, unknown> }
  | { type: 'handover'; reason: string }
  | { type: 'action'; action: string; ok: boolean };

/** The output of a finished flow. */
export interface FlowOutput {
  slots: Record<string, unknown>;
  link?: string;
  conversation: ConversationInfo;
  failed?: boolean;
}

/**
 * Responses the flows say on their own (the compiled machines, and a flow restarted because it was
 * edited while a conversation stood in it); content/responses.yaml must have them.
 */
export const BUILT_IN_RESPONSES = ['generic_error', 'fallback_not_understood_offer_human', 'flow_changed_restart'] as const;

/** The response said once when a conversation's flow restarted because it was edited meanwhile. */
export const FLOW_RESTARTED_RESPONSE = 'flow_changed_restart';

/** Button providers the compiled machines use on their own; the registry must have them. */
export const BUILT_IN_BUTTON_PROVIDERS = ['handoverButton'] as const;

/** Tag of a state that waits for the guest: `awaiting:<slot>`. */
export const AWAITING_TAG = 'awaiting:';
/** Tag of a state that waits for a called flow: `call:<flow>`. */
export const CALL_TAG = 'call:';

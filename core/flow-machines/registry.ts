import type { Button } from '../../common';
import type { Entity } from '../../nlu';

/**
 * What flows can call by name: TypeScript actions, guards, button providers and slot pickers, registered once.
 * The compiler turns actions into XState `fromPromise` actors and guards into XState guards of one
 * `setup()`, and checks every name a flow uses at load time (XState would skip an unknown one silently).
 */

/** A reply an action asks for: a response key, extra variables, buttons. */
export interface SayRequest {
  response: string;
  vars?: Record<string, unknown>;
  buttons?: Button[];
}

/** Who the conversation is with; kept in the flow's context. */
export interface ConversationInfo {
  id: string;
  channel: string;
  userId: string;
  /** The CRM client, once known (a known channel user, or identified by phone). */
  clientId?: string;
  /** The guest's own phone, once known (E.164). */
  phone?: string;
  /** The guest's name as the channel gives it. */
  name?: string;
  /** The sender's phone as the channel vouches for it (WhatsApp's sender, a Telegram contact of her own): a verified identity. */
  verifiedPhone?: string;
  /** Bookings cancelled in this conversation (a flow interrupted while changing one of them is not offered again). */
  cancelledBookings?: string[];
  /** Bookings created in this conversation: the only ones an upsell may be added to. */
  createdBookings?: string[];
  /** Complaint tickets stored in this conversation: the only ones a correction may update. */
  tickets?: string[];
}

/** What an action, a guard or a button provider sees. */
export interface FlowInput {
  flow: string;
  slots: Readonly<Record<string, unknown>>;
  params: Readonly<Record<string, unknown>>;
  conversation: Readonly<ConversationInfo>;
  /**
   * For an action: the idempotency key of its CRM write (see `writeKeyFor`), the same when the same
   * inbound message is replayed at the same step. Pass it on as `{ idempotencyKey }`.
   */
  idempotencyKey?: string;
}

/** What an action returns: slots to set (undefined clears), replies, a handover. */
export interface ActionResult {
  slots?: Record<string, unknown>;
  say?: SayRequest[];
  handover?: { reason: string };
  /** Conversation facts learnt (the client, the phone). */
  conversation?: Partial<ConversationInfo>;
}

export type FlowAction = (input: FlowInput) => Promise<ActionResult | void>;
export type FlowGuard = (input: FlowInput) => boolean;
export type ButtonProvider = (input: FlowInput) => Button[] | Promise<Button[]>;

/** What a slot picker sees: the flow's slots, the message's entities, and whether the flow asks for the slot now. */
export interface PickerInput {
  slots: Readonly<Record<string, unknown>>;
  entities: readonly Entity[];
  awaited: boolean;
}

/**
 * Reads which of the items a flow holds the guest names in words (one of her bookings: «маникюр», «ту, что
 * 1 декабря»), for a slot declared with `picked_by`. Returns the value and the entities that named it (they
 * then fill no other slot), or undefined when the message names none, or more than one.
 */
export type SlotPicker = (input: PickerInput) => { value: string; entities: Entity[] } | undefined;

/** One registry for all flows. */
export interface FlowRegistry {
  actions: Record<string, FlowAction>;
  guards: Record<string, FlowGuard>;
  buttons: Record<string, ButtonProvider>;
  /** Slot pickers, by the names `flows/slots.yaml` gives in `picked_by`. */
  pickers?: Record<string, SlotPicker>;
}

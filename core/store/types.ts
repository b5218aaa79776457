/**
 * What the conversation store keeps: one row per conversation (the dialogue manager's state), one row per
 * turn (where the conversation stood after it) and the message log. Everything a later transcript export
 * needs to replay a conversation as a test is here: the guest's input and its parse, the assistant's
 * replies with buttons, the flow, the awaited slot and the slots after each turn, all with clock times.
 */
import type { MessageAttachment } from '../../common';
import type { Entity, IntentScore } from '../../nlu';

/** Who the conversation is with. The conversation id is `${channel}:${userId}` (see `conversationId`). */
export interface ConversationKey {
  /** The channel's name, e.g. `telegram`, `whatsapp`, `web`; no colon. */
  channel: string;
  /** The guest's id in that channel. */
  userId: string;
}

/** One running flow: its name and its XState persisted snapshot (`actor.getPersistedSnapshot()`). */
export interface FlowFrame {
  flow: string;
  snapshot: unknown;
  /** The hash of the flow (`flowHash`) when the snapshot was saved; absent in frames saved before hashes were kept. */
  hash?: string;
  /** Slots the guest gave this flow while a flow it called was asking (set when that flow returns). */
  carry?: Record<string, unknown>;
}

/**
 * The dialogue manager's state of one conversation. It must be JSON-serialisable (XState persisted
 * snapshots are): it is stored as JSON, so `undefined` fields and functions are lost and dates come back
 * as strings.
 */
export interface ConversationState {
  /** Running flows, the active one last; an interrupted flow stays below the digression it made room for. */
  stack: FlowFrame[];
  /** Conversation-level memory that outlives flows (a known phone, the client id, the guest's name). */
  slots: Record<string, unknown>;
  /** Set while staff talk to the guest instead of the assistant. */
  handedOver: null | { reason: string; at: string };
  /** Something awaiting the guest's answer outside a flow: a resume offer, a clarification. */
  pending: unknown;
  /** Fallbacks in a row; the dialogue manager resets it. */
  fallbacks: number;
  /** The dialogue manager's own turn counter (e.g. to pick response variants). */
  turn: number;
  [extra: string]: unknown;
}

/** A conversation as stored. `version` grows by one on every write; pass it back to `saveTurn`. */
export interface StoredConversation {
  id: string;
  channel: string;
  userId: string;
  state: ConversationState;
  version: number;
  /** ISO times from the store's clock. */
  createdAt: string;
  updatedAt: string;
}

/** A reply button: what it shows and the payload it sends back (`/slot branch=tverskaya`, `/intent booking`). */
export interface LoggedButton {
  title: string;
  payload: string;
}

/** What the NLU made of an inbound message. */
export interface LoggedParse {
  intent: IntentScore;
  entities: Entity[];
  ranking?: IntentScore[];
}

/** One message of the log, in or out, numbered by `seq` (1, 2, 3… per conversation). */
export interface LoggedMessage {
  conversationId: string;
  seq: number;
  /** The store's turn number (see `LoggedTurn.turn`) the message was saved with; {@link OUT_OF_TURN} for one written outside a turn. */
  turn: number;
  direction: 'in' | 'out';
  /** ISO time: the channel's time for inbound messages, the clock's for replies. */
  at: string;
  text?: string;
  /** In: the payload of the button the guest pressed. */
  payload?: string;
  /** In: what the guest sent besides text. */
  attachments?: MessageAttachment[];
  /** The channel's message id (inbound), or the id the channel gave the sent reply. */
  messageId?: string;
  /** In: the NLU result. */
  parse?: LoggedParse;
  /** Out: the reply's buttons. */
  buttons?: LoggedButton[];
  /** Out: the response key the text was rendered from (`ask_service`). */
  response?: string;
  /** Anything else worth replaying: the LLM was used, a digression, the rule that fired. */
  meta?: Record<string, unknown>;
}

/** The turn number of messages written outside any turn (an administrator's reply during a handover). */
export const OUT_OF_TURN = 0;

/** A message to append with a turn: `at` defaults to the store's clock; the store numbers it. */
export type NewMessage = Omit<LoggedMessage, 'conversationId' | 'seq' | 'turn' | 'at'> & { at?: string };

/** Where a conversation stood after one turn. */
export interface LoggedTurn {
  conversationId: string;
  /** 1, 2, 3… per conversation: one per `saveTurn`. */
  turn: number;
  /** The conversation's version the turn wrote. */
  version: number;
  at: string;
  /** The active flow after the turn (the top of the stack), or null. */
  flow: string | null;
  /** The slot the assistant asked for and now waits for, or null. */
  awaiting: string | null;
  /** The slots after the turn: the conversation's, plus the active flow's when the caller gives them. */
  slots: Record<string, unknown>;
  handedOver: boolean;
  meta?: Record<string, unknown>;
}

/**
 * What the dialogue manager knows about the turn beyond its state. The store cannot read the awaited slot
 * or the flow's slots out of an XState snapshot, so the caller passes them; left out, `flow` is the top
 * of the stack, `awaiting` null and `slots` the conversation-level ones.
 */
export type TurnOutcome = Partial<Pick<LoggedTurn, 'flow' | 'awaiting' | 'slots' | 'meta'>>;

/** Paging through a log, oldest first: `limit` entries after a point, or only the `last` ones. */
interface LogPage {
  /** At most this many, oldest first. */
  limit?: number;
  /** Only the newest this many, still oldest first: the recent history for a prompt. */
  last?: number;
}

/** Which messages `messages()` returns. */
export interface MessagePage extends LogPage {
  /** Only messages after this `seq`. */
  afterSeq?: number;
}

/** Which turns `turns()` returns. */
export interface TurnPage extends LogPage {
  /** Only turns after this one. */
  afterTurn?: number;
}

/**
 * The durable conversation store. Synchronous: better-sqlite3 is, and a turn's write is one short
 * transaction. Turns of one conversation must not run concurrently (see `KeyedMutex`); the version check
 * catches what slips through, e.g. two processes on one database.
 */
export interface ConversationStore {
  /** The conversation, or undefined when the guest never wrote. */
  load(key: ConversationKey): StoredConversation | undefined;
  /**
   * Saves the state after a turn and appends the turn's messages, in one transaction: either all of it is
   * stored or nothing. `expectedVersion` is the version the turn started from (null for a new
   * conversation); a mismatch throws `ConcurrentUpdateError` and writes nothing.
   */
  saveTurn(
    key: ConversationKey,
    expectedVersion: number | null,
    state: ConversationState,
    messages: NewMessage[],
    outcome?: TurnOutcome,
  ): StoredConversation;
  /**
   * Appends messages no turn produced (an administrator's reply during a handover) to the log, numbered
   * after the conversation's messages and marked {@link OUT_OF_TURN}; the state and version stay as they are.
   *
   * @throws {ConversationNotFoundError} when the guest never wrote.
   */
  logOutOfTurn(key: ConversationKey, messages: NewMessage[]): LoggedMessage[];
  /** The message log of a conversation, oldest first. */
  messages(conversationId: string, page?: MessagePage): LoggedMessage[];
  /** Where the conversation stood after each turn, oldest first. */
  turns(conversationId: string, page?: TurnPage): LoggedTurn[];
  /** Conversations, most recently updated first. */
  list(options?: { handedOver?: boolean; channel?: string; limit?: number }): StoredConversation[];
  /**
   * Hands the conversation over to staff (`{ reason, at }`) or back to the assistant (`null`), from outside
   * a turn. Bumps the version, so a turn running meanwhile fails its save and is retried on the new state.
   */
  setHandedOver(key: ConversationKey, value: ConversationState['handedOver']): StoredConversation;
}

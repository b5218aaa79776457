/**
 * The conversation tables' rows and their mapping to the store's types. JSON columns are written by
 * `toJson` and read by `fromJson`, which name the conversation and the column when something is wrong.
 */
import { CorruptRowError, UnserializableValueError } from './errors';
import type { ConversationState, LoggedMessage, LoggedTurn, NewMessage, StoredConversation } from './types';

export interface ConversationRow {
  id: string;
  channel: string;
  user_id: string;
  state: string;
  version: number;
  handed_over: number;
  created_at: string;
  updated_at: string;
}

export interface TurnRow {
  conversation_id: string;
  turn: number;
  version: number;
  at: string;
  flow: string | null;
  awaiting: string | null;
  slots: string;
  handed_over: number;
  meta: string | null;
}

export interface MessageRow {
  conversation_id: string;
  seq: number;
  turn: number;
  direction: 'in' | 'out';
  at: string;
  text: string | null;
  payload: string | null;
  message_id: string | null;
  details: string | null;
}

/** The message fields kept together in the `details` JSON column. */
const DETAIL_FIELDS = ['attachments', 'parse', 'buttons', 'response', 'meta'] as const;

/** `value` as JSON; throws `UnserializableValueError` (naming `what`) for cycles, BigInts and the like. */
export function toJson(conversationId: string, what: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new UnserializableValueError(conversationId, what, error);
  }
  if (json === undefined) throw new UnserializableValueError(conversationId, what, new TypeError(`${typeof value} is not JSON`));
  return json;
}

/** The value of a JSON column; throws `CorruptRowError` when the text does not parse. */
export function fromJson(conversationId: string, column: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptRowError(conversationId, column, error);
  }
}

export function conversationFromRow(row: ConversationRow): StoredConversation {
  return {
    id: row.id,
    channel: row.channel,
    userId: row.user_id,
    state: fromJson(row.id, 'state', row.state) as ConversationState,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The conversation a save just wrote, its state parsed from the stored JSON only when read: the turn
 * that saved it rarely looks at it again, and parsing it back costs as much as the save's own JSON.
 */
export function savedConversation(row: ConversationRow): StoredConversation {
  let state: ConversationState | undefined;
  const conversation = { id: row.id, channel: row.channel, userId: row.user_id } as StoredConversation;
  Object.defineProperty(conversation, 'state', {
    enumerable: true,
    configurable: true,
    get: () => (state ??= fromJson(row.id, 'state', row.state) as ConversationState),
    set: (value: ConversationState) => {
      state = value;
    },
  });
  return Object.assign(conversation, { version: row.version, createdAt: row.created_at, updatedAt: row.updated_at });
}

export function turnFromRow(row: TurnRow): LoggedTurn {
  const turn: LoggedTurn = {
    conversationId: row.conversation_id,
    turn: row.turn,
    version: row.version,
    at: row.at,
    flow: row.flow,
    awaiting: row.awaiting,
    slots: fromJson(row.conversation_id, `slots of turn ${row.turn}`, row.slots) as Record<string, unknown>,
    handedOver: row.handed_over === 1,
  };
  if (row.meta !== null) turn.meta = fromJson(row.conversation_id, `meta of turn ${row.turn}`, row.meta) as Record<string, unknown>;
  return turn;
}

/** A new message's columns, all but its place in the log (conversation, seq, turn). */
export type MessageColumns = Pick<MessageRow, 'direction' | 'at' | 'text' | 'payload' | 'message_id' | 'details'>;

/** The columns of a new message, serialised before the transaction starts. */
export function messageColumns(conversationId: string, message: NewMessage, index: number, defaultAt: string): MessageColumns {
  const details: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) if (message[field] !== undefined) details[field] = message[field];
  return {
    direction: message.direction,
    at: message.at ?? defaultAt,
    text: message.text ?? null,
    payload: message.payload ?? null,
    message_id: message.messageId ?? null,
    details: Object.keys(details).length > 0 ? toJson(conversationId, `message ${index + 1} of the turn`, details) : null,
  };
}

export function messageFromRow(row: MessageRow): LoggedMessage {
  const message: LoggedMessage = { conversationId: row.conversation_id, seq: row.seq, turn: row.turn, direction: row.direction, at: row.at };
  if (row.text !== null) message.text = row.text;
  if (row.payload !== null) message.payload = row.payload;
  if (row.message_id !== null) message.messageId = row.message_id;
  if (row.details !== null) Object.assign(message, fromJson(row.conversation_id, `details of message ${row.seq}`, row.details));
  return message;
}

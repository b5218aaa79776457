/**
 * The conversation store in SQLite (better-sqlite3). One turn is one `BEGIN IMMEDIATE` transaction: the
 * version check, the new state, the turn record and the messages commit together or not at all, so a
 * process killed mid-turn restarts from the last whole turn.
 */
import type { Database } from 'better-sqlite3';
import { conversationId } from './conversation-id';
import { ConcurrentUpdateError, ConversationNotFoundError } from './errors';
import {
  conversationFromRow,
  messageColumns,
  type MessageColumns,
  messageFromRow,
  savedConversation,
  toJson,
  turnFromRow,
  type ConversationRow,
  type MessageRow,
  type TurnRow,
} from './rows';
import { migrateConversationTables } from './schema';
import { OUT_OF_TURN, type ConversationKey, type ConversationState, type ConversationStore, type LoggedMessage, type NewMessage } from './types';

export interface SqliteConversationStoreOptions {
  /** The time source for `createdAt`, `updatedAt`, turn times and replies without `at`. */
  clock?: () => Date;
}

/**
 * A conversation store on a better-sqlite3 database, creating or migrating its `conv_` tables. Open the
 * database with `openDatabase` (WAL), so staff tools can read while turns write.
 *
 * @example
 * const store = createSqliteConversationStore(openDatabase('data/coco.db'), { clock: () => new Date() });
 * const key = { channel: 'telegram', userId: '12345' };
 * const current = store.load(key);
 * store.saveTurn(key, current?.version ?? null, nextState, [
 *   { direction: 'in', text: 'запишите на маникюр', at: inbound.at },
 *   { direction: 'out', text: 'В какой салон вам удобнее?', response: 'ask_branch', buttons },
 * ]);
 */
export function createSqliteConversationStore(db: Database, options: SqliteConversationStoreOptions = {}): ConversationStore {
  migrateConversationTables(db);
  // The one place the store may read the system clock: the default for production wiring.
  const clock = options.clock ?? (() => new Date());
  const now = (): string => clock().toISOString();
  const sql = prepareStatements(db);

  /** Checks the version and writes the conversation row; runs inside a turn's or a handover's transaction. */
  const save = (id: string, key: ConversationKey, expectedVersion: number | null, state: string, handedOver: boolean, at: string) => {
    const current = sql.selectVersion.get(id);
    const actualVersion = current?.version ?? null;
    if (actualVersion !== expectedVersion) throw new ConcurrentUpdateError(id, expectedVersion, actualVersion);
    const row: ConversationRow = {
      id,
      channel: key.channel,
      user_id: key.userId,
      state,
      version: (current?.version ?? 0) + 1,
      handed_over: handedOver ? 1 : 0,
      created_at: current?.created_at ?? at,
      updated_at: at,
    };
    (current ? sql.updateConversation : sql.insertConversation).run(row);
    return savedConversation(row);
  };

  const writeTurn = db.transaction(
    (key: ConversationKey, expectedVersion: number | null, turn: Omit<TurnRow, 'turn' | 'version'>, state: string, messages: MessageColumns[]) => {
      const id = turn.conversation_id;
      const stored = save(id, key, expectedVersion, state, turn.handed_over === 1, turn.at);
      const number = (sql.lastTurn.get(id)?.last ?? 0) + 1;
      sql.insertTurn.run({ ...turn, turn: number, version: stored.version });
      let seq = sql.lastSeq.get(id)?.last ?? 0;
      for (const message of messages) sql.insertMessage.run({ conversation_id: id, seq: ++seq, turn: number, ...message });
      return stored;
    },
  );

  const saveTurn: ConversationStore['saveTurn'] = (key, expectedVersion, state, messages, outcome = {}) => {
    const id = conversationId(key);
    const at = now();
    // Serialise everything before the transaction: a value that is not JSON fails the turn, writing nothing.
    const turn = {
      conversation_id: id,
      at,
      flow: outcome.flow !== undefined ? outcome.flow : (state.stack?.at(-1)?.flow ?? null),
      awaiting: outcome.awaiting ?? null,
      slots: toJson(id, "the turn's slots", outcome.slots ?? state.slots ?? {}),
      handed_over: state.handedOver != null ? 1 : 0,
      meta: outcome.meta === undefined ? null : toJson(id, "the turn's meta", outcome.meta),
    };
    const columns = messages.map((message, index) => messageColumns(id, message, index, at));
    return writeTurn.immediate(key, expectedVersion, turn, toJson(id, 'the state', state), columns);
  };

  const logOutOfTurn = db.transaction((key: ConversationKey, messages: NewMessage[]): LoggedMessage[] => {
    const id = conversationId(key);
    if (!sql.selectVersion.get(id)) throw new ConversationNotFoundError(id);
    const at = now();
    let seq = sql.lastSeq.get(id)?.last ?? 0;
    return messages.map((message, index) => {
      const row: MessageRow = { conversation_id: id, seq: ++seq, turn: OUT_OF_TURN, ...messageColumns(id, message, index, at) };
      sql.insertMessage.run(row);
      return messageFromRow(row);
    });
  });

  const setHandedOver = db.transaction((key: ConversationKey, value: ConversationState['handedOver']) => {
    const id = conversationId(key);
    const current = sql.selectConversation.get(id);
    if (!current) throw new ConversationNotFoundError(id);
    const state: ConversationState = { ...conversationFromRow(current).state, handedOver: value };
    return save(id, key, current.version, toJson(id, 'the state', state), value != null, now());
  });

  return {
    load: (key) => {
      const row = sql.selectConversation.get(conversationId(key));
      return row && conversationFromRow(row);
    },
    saveTurn,
    logOutOfTurn: (key, messages) => logOutOfTurn.immediate(key, messages),
    messages: (id, page = {}) =>
      sql.selectMessages.all({ id, after: page.afterSeq ?? 0, last: rowLimit(page.last), limit: rowLimit(page.limit) }).map(messageFromRow),
    turns: (id, page = {}) =>
      sql.selectTurns.all({ id, after: page.afterTurn ?? 0, last: rowLimit(page.last), limit: rowLimit(page.limit) }).map(turnFromRow),
    list: (options = {}) => {
      const filter = { channel: options.channel ?? null, limit: rowLimit(options.limit) };
      // Staff's queue has its own (partial) index; the other listings scan, which no turn pays for.
      const rows = options.handedOver === true ? sql.selectHandedOver.all(filter) : sql.selectConversations.all({ ...filter, handedOver: options.handedOver === false ? 0 : null });
      return rows.map(conversationFromRow);
    },
    setHandedOver: (key, value) => setHandedOver.immediate(key, value),
  };
}

/** A SQL LIMIT: -1 (none) when absent; a count otherwise. */
function rowLimit(count: number | undefined): number {
  if (count === undefined) return -1;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a limit is a whole number ≥ 0, got ${count}`);
  return count;
}

interface Page {
  id: string;
  after: number;
  last: number;
  limit: number;
}

function prepareStatements(db: Database) {
  return {
    selectConversation: db.prepare<[string], ConversationRow>('SELECT * FROM conv_conversations WHERE id = ?'),
    // A save checks the version only: reading the old state would cost as much as writing the new one.
    selectVersion: db.prepare<[string], Pick<ConversationRow, 'version' | 'created_at'>>('SELECT version, created_at FROM conv_conversations WHERE id = ?'),
    insertConversation: db.prepare<[ConversationRow]>(
      `INSERT INTO conv_conversations (id, channel, user_id, state, version, handed_over, created_at, updated_at)
       VALUES (@id, @channel, @user_id, @state, @version, @handed_over, @created_at, @updated_at)`,
    ),
    updateConversation: db.prepare<[ConversationRow]>(
      `UPDATE conv_conversations SET state = @state, version = @version, handed_over = @handed_over, updated_at = @updated_at
       WHERE id = @id`,
    ),
    selectConversations: db.prepare<[{ handedOver: number | null; channel: string | null; limit: number }], ConversationRow>(
      `SELECT * FROM conv_conversations
       WHERE (@handedOver IS NULL OR handed_over = @handedOver) AND (@channel IS NULL OR channel = @channel)
       ORDER BY updated_at DESC, rowid DESC LIMIT @limit`,
    ),
    selectHandedOver: db.prepare<[{ channel: string | null; limit: number }], ConversationRow>(
      `SELECT * FROM conv_conversations INDEXED BY conv_conversations_handed_over
       WHERE handed_over = 1 AND (@channel IS NULL OR channel = @channel)
       ORDER BY updated_at DESC, rowid DESC LIMIT @limit`,
    ),
    lastTurn: db.prepare<[string], { last: number | null }>('SELECT MAX(turn) AS last FROM conv_turns WHERE conversation_id = ?'),
    insertTurn: db.prepare<[TurnRow]>(
      `INSERT INTO conv_turns (conversation_id, turn, version, at, flow, awaiting, slots, handed_over, meta)
       VALUES (@conversation_id, @turn, @version, @at, @flow, @awaiting, @slots, @handed_over, @meta)`,
    ),
    // The newest `last` entries after `after`, then the first `limit` of those, oldest first.
    selectTurns: db.prepare<[Page], TurnRow>(
      `SELECT * FROM (
         SELECT * FROM conv_turns WHERE conversation_id = @id AND turn > @after ORDER BY turn DESC LIMIT @last
       ) ORDER BY turn LIMIT @limit`,
    ),
    lastSeq: db.prepare<[string], { last: number | null }>('SELECT MAX(seq) AS last FROM conv_messages WHERE conversation_id = ?'),
    insertMessage: db.prepare<[MessageRow]>(
      `INSERT INTO conv_messages (conversation_id, seq, turn, direction, at, text, payload, message_id, details)
       VALUES (@conversation_id, @seq, @turn, @direction, @at, @text, @payload, @message_id, @details)`,
    ),
    selectMessages: db.prepare<[Page], MessageRow>(
      `SELECT conversation_id, seq, turn, direction, at, text, payload, message_id, details FROM (
         SELECT * FROM conv_messages WHERE conversation_id = @id AND seq > @after ORDER BY seq DESC LIMIT @last
       ) ORDER BY seq LIMIT @limit`,
    ),
  };
}

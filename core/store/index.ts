/**
 * The durable conversation store: the dialogue manager's state, the turn records and the message log in
 * SQLite (better-sqlite3, WAL), one transaction per turn; and the per-conversation turn lock.
 */

// Opening the database
export { openDatabase } from './open-database';
export { checkpointInBackground, CHECKPOINT_INTERVAL_MS } from './background-checkpoints';

// Another writer holding the file
export { BusyRetry, DatabaseBusyError, DEFAULT_BUSY_POLICY, isDatabaseBusy, SERVER_BUSY_TIMEOUT_MS, useShortBusyTimeout, type BusyPolicy } from './busy';

// The store
export { createSqliteConversationStore, type SqliteConversationStoreOptions } from './sqlite-store';
export { emptyConversationState } from './empty-state';
export { OUT_OF_TURN } from './types';
export { conversationId, parseConversationId } from './conversation-id';
export type { ConversationKey, ConversationState, ConversationStore, FlowFrame, LoggedButton, LoggedMessage, LoggedParse, LoggedTurn, MessagePage, NewMessage, StoredConversation, TurnOutcome, TurnPage } from './types';

// Turns of one conversation, one at a time
export { KeyedMutex } from './keyed-mutex';

// Schema
export { CONVERSATION_MIGRATIONS, CONVERSATION_META_TABLE, migrateConversationTables } from './schema';

// Errors
export {
  ConcurrentUpdateError,
  ConversationNotFoundError,
  CorruptRowError,
  InvalidConversationKeyError,
  StoreError,
  UnserializableValueError,
} from './errors';

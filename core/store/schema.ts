/**
 * The conversation tables, all prefixed `conv_`, and their migrations. The schema version is a row of
 * `conv_meta`; each step runs once, in its own transaction with the version bump, so a crash between
 * steps leaves a consistent, resumable database. Later issues (inbox, outbox) append steps.
 */
import type { Database } from 'better-sqlite3';
import { SchemaTooNewError, runMigrations, type MigrationStep } from '../../common';

export type { MigrationStep } from '../../common';

/** The steps that build the conversation tables, in order. */
export const CONVERSATION_MIGRATIONS: readonly MigrationStep[] = [
  {
    version: 1,
    description: 'conversations, turns and the message log',
    up: (db) =>
      db.exec(`
        CREATE TABLE conv_conversations (
          id TEXT PRIMARY KEY,                 -- "<channel>:<userId>"
          channel TEXT NOT NULL,
          user_id TEXT NOT NULL,
          state TEXT NOT NULL,                 -- the dialogue manager's ConversationState as JSON
          version INTEGER NOT NULL,
          handed_over INTEGER NOT NULL,        -- 1 while staff talk to the guest (state.handedOver set)
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX conv_conversations_updated ON conv_conversations (updated_at);
        CREATE INDEX conv_conversations_handed_over ON conv_conversations (handed_over, updated_at);

        CREATE TABLE conv_turns (
          conversation_id TEXT NOT NULL REFERENCES conv_conversations (id),
          turn INTEGER NOT NULL,
          version INTEGER NOT NULL,
          at TEXT NOT NULL,
          flow TEXT,
          awaiting TEXT,
          slots TEXT NOT NULL,                 -- JSON
          handed_over INTEGER NOT NULL,
          meta TEXT,                           -- JSON
          PRIMARY KEY (conversation_id, turn)
        ) WITHOUT ROWID;

        CREATE TABLE conv_messages (
          id INTEGER PRIMARY KEY,
          conversation_id TEXT NOT NULL REFERENCES conv_conversations (id),
          seq INTEGER NOT NULL,
          turn INTEGER NOT NULL,
          direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
          at TEXT NOT NULL,
          text TEXT,
          payload TEXT,
          message_id TEXT,
          details TEXT                         -- JSON: attachments, parse, buttons, response, meta
        );
        CREATE UNIQUE INDEX conv_messages_conversation_seq ON conv_messages (conversation_id, seq);
      `),
  },
  {
    version: 2,
    description: 'cheaper turn writes: the turn log appended in rowid order, only handed-over conversations indexed',
    // Every turn rewrote three b-trees that only staff listings read: the updated_at index (the value changes
    // each turn) and the handed_over index over every conversation; and it inserted its ~1 KB turn row into
    // a WITHOUT ROWID table clustered by conversation, a random page each time. Now the turn row is appended
    // and found through a small (conversation_id, turn) index, and a normal turn touches no listing index.
    up: (db) =>
      db.exec(`
        CREATE TABLE conv_turns_v2 (
          conversation_id TEXT NOT NULL REFERENCES conv_conversations (id),
          turn INTEGER NOT NULL,
          version INTEGER NOT NULL,
          at TEXT NOT NULL,
          flow TEXT,
          awaiting TEXT,
          slots TEXT NOT NULL,
          handed_over INTEGER NOT NULL,
          meta TEXT
        );
        INSERT INTO conv_turns_v2 (conversation_id, turn, version, at, flow, awaiting, slots, handed_over, meta)
          SELECT conversation_id, turn, version, at, flow, awaiting, slots, handed_over, meta FROM conv_turns ORDER BY at, conversation_id, turn;
        DROP TABLE conv_turns;
        ALTER TABLE conv_turns_v2 RENAME TO conv_turns;
        CREATE UNIQUE INDEX conv_turns_conversation_turn ON conv_turns (conversation_id, turn);

        DROP INDEX conv_conversations_updated;
        DROP INDEX conv_conversations_handed_over;
        CREATE INDEX conv_conversations_handed_over ON conv_conversations (updated_at) WHERE handed_over = 1;
      `),
  },
];

/** The table holding the schema version (key `schema_version`). */
export const CONVERSATION_META_TABLE = 'conv_meta';

/**
 * Brings the conversation tables up to the last step, creating them if missing; returns the version
 * reached. Safe to call on every start and from several processes: each step takes the write lock
 * first and skips itself if another process ran it meanwhile. Throws `SchemaTooNewError` on a database
 * from a newer engine.
 *
 * @example
 * migrateConversationTables(openDatabase('data/coco.db')) // 1
 */
export function migrateConversationTables(db: Database, steps: readonly MigrationStep[] = CONVERSATION_MIGRATIONS): number {
  return runMigrations(db, { metaTable: CONVERSATION_META_TABLE, steps, tooNew: (found, known) => new SchemaTooNewError(found, known) });
}

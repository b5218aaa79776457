/**
 * The delivery tables, all prefixed `dlv_`, and their own migrations (kept apart from the conversation
 * store's `conv_` schema, so the two evolve independently). The version is a row of `dlv_meta`; each
 * step runs once, in one transaction with the version bump.
 */
import type { Database } from 'better-sqlite3';
import { runMigrations, type MigrationStep } from '../../common';
import { DeliveryError } from './errors';

/** One schema change of the delivery tables. `version` numbers run 1, 2, 3… without gaps. */
export type DeliveryMigration = MigrationStep;

/** The steps that build the delivery tables, in order. */
export const DELIVERY_MIGRATIONS: readonly DeliveryMigration[] = [
  {
    version: 1,
    description: 'inbox and outbox',
    up: (db) =>
      db.exec(`
        CREATE TABLE dlv_inbox (
          id INTEGER PRIMARY KEY AUTOINCREMENT,   -- arrival order
          channel TEXT NOT NULL,
          message_id TEXT NOT NULL,               -- the channel's id: a redelivery hits the unique index (see step 2)
          conversation_id TEXT NOT NULL,
          message TEXT NOT NULL,                  -- the InboundMessage as JSON
          status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
          attempts INTEGER NOT NULL DEFAULT 0,
          received_at TEXT NOT NULL,
          processed_at TEXT,
          error TEXT
        );
        CREATE UNIQUE INDEX dlv_inbox_channel_message ON dlv_inbox (channel, message_id);
        CREATE INDEX dlv_inbox_pending ON dlv_inbox (status, id);

        CREATE TABLE dlv_outbox (
          id INTEGER PRIMARY KEY AUTOINCREMENT,   -- send order within a conversation; the delivery id
          inbox_id INTEGER REFERENCES dlv_inbox (id),  -- the turn that produced it; null for a reply from staff
          position INTEGER NOT NULL,              -- index among the turn's replies
          conversation_id TEXT NOT NULL,
          channel TEXT NOT NULL,
          user_id TEXT NOT NULL,
          reply TEXT NOT NULL,                    -- the Reply as JSON
          status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
          attempts INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL,
          next_attempt_at TEXT NOT NULL,
          sent_at TEXT,
          sent_message_id TEXT,
          error TEXT
        );
        CREATE UNIQUE INDEX dlv_outbox_turn_position ON dlv_outbox (inbox_id, position);
        CREATE INDEX dlv_outbox_conversation ON dlv_outbox (conversation_id, id);
        CREATE INDEX dlv_outbox_unsent ON dlv_outbox (status, id);
      `),
  },
  {
    version: 2,
    description: 'inbox messages deduplicated per conversation',
    // A web page picks its own message ids ("1", "2", …), so an id is unique within its session only: keyed
    // by (channel, message id), a second session's "1" was taken for the first one's and got its replies.
    // Telegram's ids are per chat too ("<chat>:<id>" worked around it); WhatsApp's are global either way.
    up: (db) =>
      db.exec(`
        DROP INDEX dlv_inbox_channel_message;
        CREATE UNIQUE INDEX dlv_inbox_conversation_message ON dlv_inbox (channel, conversation_id, message_id);
      `),
  },
];

const META = 'dlv_meta';

/**
 * Brings the delivery tables up to the last step, creating them if missing; returns the version
 * reached. Safe on every start and from several processes (each step takes the write lock first).
 *
 * @throws {DeliveryError} on a database written by a newer version of the delivery tables.
 * @example migrateDeliveryTables(assistant.db) // 2
 */
export function migrateDeliveryTables(db: Database, steps: readonly DeliveryMigration[] = DELIVERY_MIGRATIONS): number {
  return runMigrations(db, {
    metaTable: META,
    steps,
    tooNew: (found, known) => new DeliveryError(`the database has delivery tables of version ${found}, this program knows ${known}`, {
      hint: 'run the newer version of the program, or point COCO_DB at another file',
    }),
  });
}

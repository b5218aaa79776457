/**
 * Which staff chat message belongs to which guest conversation: the summaries and relayed guest messages
 * the bot posted, and the staff's replies (so a reply to a colleague's reply still finds the guest).
 * On the assistant's SQLite database, so a reply to yesterday's summary still reaches the guest.
 */
import type { Database } from 'better-sqlite3';
import { migrateOwnTables } from '../../common';

/** Who wrote a staff chat message the table knows. */
export type ThreadMessageKind = 'posted' | 'staff';

/** The staff chat's message → conversation map. */
export class StaffThreads {
  private readonly sql;

  constructor(db: Database) {
    migrateOwnTables(db, 'staff_threads', [{ version: 1, description: 'which staff chat message is whose conversation', up: (d) => d.exec(`
      CREATE TABLE IF NOT EXISTS staff_threads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id TEXT NOT NULL,            -- the staff chat (STAFF_CHAT_ID when it was written)
        message_id TEXT NOT NULL,         -- the message's id in that chat
        conversation_id TEXT NOT NULL,    -- the guest's conversation, e.g. telegram:42
        kind TEXT NOT NULL CHECK (kind IN ('posted', 'staff')),
        at TEXT NOT NULL,
        UNIQUE (chat_id, message_id)
      );
      CREATE INDEX IF NOT EXISTS staff_threads_conversation ON staff_threads (conversation_id, kind, id);
    `) }]);
    this.sql = {
      insert: db.prepare<[string, string, string, ThreadMessageKind, string]>(
        'INSERT OR IGNORE INTO staff_threads (chat_id, message_id, conversation_id, kind, at) VALUES (?, ?, ?, ?, ?)',
      ),
      conversationOf: db.prepare<[string, string], { conversation_id: string }>('SELECT conversation_id FROM staff_threads WHERE chat_id = ? AND message_id = ?'),
      latestPosted: db.prepare<[string, string], { message_id: string }>(
        `SELECT message_id FROM staff_threads WHERE chat_id = ? AND conversation_id = ? AND kind = 'posted' ORDER BY id DESC LIMIT 1`,
      ),
    };
  }

  /** Notes a message of the staff chat; false when it was known already (a redelivered update). */
  remember(chatId: string, messageId: string, conversationId: string, kind: ThreadMessageKind, at: Date): boolean {
    return this.sql.insert.run(chatId, messageId, conversationId, kind, at.toISOString()).changes === 1;
  }

  /** The conversation a staff chat message belongs to, or undefined. */
  conversationOf(chatId: string, messageId: string): string | undefined {
    return this.sql.conversationOf.get(chatId, messageId)?.conversation_id;
  }

  /** The newest message the bot posted about a conversation (where a relayed guest message threads in). */
  latestPosted(chatId: string, conversationId: string): string | undefined {
    return this.sql.latestPosted.get(chatId, conversationId)?.message_id;
  }
}

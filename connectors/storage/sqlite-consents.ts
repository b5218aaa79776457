/**
 * Consents to the processing of personal data (Telegram's `/start`), kept as evidence on the assistant's
 * SQLite database: who, in which channel, when, by which message, and the exact text shown.
 */
import type { Database } from 'better-sqlite3';
import { migrateOwnTables } from '../../common';
import type { ConsentRecord, ConsentRecorder } from '../messaging';

/**
 * A durable consent log. Every `/start` is a row (the text may change between them); a redelivered
 * `/start` (same channel and message id) is stored once.
 *
 * @example
 * const consents = new SqliteConsents(assistant.db);
 * new TelegramConnector({ …, recordConsent: consents.record });
 * consents.has('telegram', '42'); // true after the guest's /start
 */
export class SqliteConsents {
  private readonly sql;

  constructor(db: Database) {
    migrateOwnTables(db, 'chn_consents', [{ version: 1, description: 'the consent log', up: (d) => d.exec(`
      CREATE TABLE IF NOT EXISTS chn_consents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL,
        message_id TEXT NOT NULL,      -- the channel's id of the message that consented (evidence)
        consented_at TEXT NOT NULL,    -- when the guest sent it (the channel's time)
        text TEXT NOT NULL,            -- the consent text the guest was shown
        UNIQUE (channel, message_id)
      );
      CREATE INDEX IF NOT EXISTS chn_consents_guest ON chn_consents (channel, user_id, id);
    `) }]);
    this.sql = {
      insert: db.prepare<[string, string, string, string, string]>(
        'INSERT OR IGNORE INTO chn_consents (channel, user_id, message_id, consented_at, text) VALUES (?, ?, ?, ?, ?)',
      ),
      latest: db.prepare<[string, string], { channel: string; user_id: string; message_id: string; consented_at: string; text: string }>(
        'SELECT * FROM chn_consents WHERE channel = ? AND user_id = ? ORDER BY id DESC LIMIT 1',
      ),
    };
  }

  /** The recorder to pass to the connector. */
  readonly record: ConsentRecorder = (consent) =>
    this.sql.insert.run(consent.channel, consent.userId, consent.messageId, consent.at.toISOString(), consent.text).changes === 1;

  /** True when the guest has consented in that channel. */
  has(channel: string, userId: string): boolean {
    return this.sql.latest.get(channel, userId) !== undefined;
  }

  /** The guest's latest consent, or undefined. */
  latest(channel: string, userId: string): ConsentRecord | undefined {
    const row = this.sql.latest.get(channel, userId);
    return row && { channel: row.channel, userId: row.user_id, messageId: row.message_id, at: new Date(row.consented_at), text: row.text };
  }
}

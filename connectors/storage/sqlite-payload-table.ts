/**
 * The button payload table on the assistant's SQLite database: a long payload sent as a short key
 * (Telegram's 64-byte `callback_data`, WhatsApp's row ids) still resolves after a restart, so a guest can
 * press a button of yesterday's message.
 */
import type { Database } from 'better-sqlite3';
import { migrateOwnTables } from '../../common';
import type { PayloadTable } from '../messaging';

/**
 * A durable {@link PayloadTable}. Keys are hashes of their payloads (see `encodePayload`), so writing a
 * key again is a no-op apart from its last-use time; keys unused for `keepDays` are dropped at start.
 *
 * @example
 * const payloads = new SqlitePayloadTable(assistant.db);
 * new TelegramSender(bot, { payloads });
 */
export class SqlitePayloadTable implements PayloadTable {
  private readonly sql;

  constructor(
    db: Database,
    private readonly options: { now?: () => Date; keepDays?: number } = {},
  ) {
    migrateOwnTables(db, 'chn_payloads', [{ version: 1, description: 'long button payloads by their short code', up: (d) => d.exec(`
      CREATE TABLE IF NOT EXISTS chn_payloads (
        key TEXT PRIMARY KEY,          -- '#' + 22 characters of the payload's SHA-256
        payload TEXT NOT NULL,
        used_at TEXT NOT NULL          -- the last time the key was written or read
      ) WITHOUT ROWID;
    `) }]);
    this.sql = {
      put: db.prepare<[string, string, string]>(
        'INSERT INTO chn_payloads (key, payload, used_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET used_at = excluded.used_at',
      ),
      get: db.prepare<[string], { payload: string }>('SELECT payload FROM chn_payloads WHERE key = ?'),
      touch: db.prepare<[string, string]>('UPDATE chn_payloads SET used_at = ? WHERE key = ?'),
      prune: db.prepare<[string]>('DELETE FROM chn_payloads WHERE used_at < ?'),
    };
    const keepMs = (options.keepDays ?? 180) * 24 * 60 * 60 * 1000;
    this.sql.prune.run(new Date(this.now().getTime() - keepMs).toISOString());
  }

  put(key: string, payload: string): void {
    this.sql.put.run(key, payload, this.now().toISOString());
  }

  get(key: string): string | undefined {
    const row = this.sql.get.get(key);
    if (row) this.sql.touch.run(this.now().toISOString(), key);
    return row?.payload;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

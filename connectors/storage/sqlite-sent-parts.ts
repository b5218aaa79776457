/**
 * Which parts of a split reply a channel already took, per delivery id, on the assistant's SQLite
 * database. A reply over a channel's length limit goes out as several messages; when the process dies
 * after part 2 of 3, the outbox sends the reply again (same delivery id) and the sender skips parts 1–2.
 */
import type { Database } from 'better-sqlite3';
import { migrateOwnTables } from '../../common';
import type { SentParts } from '../messaging';

/**
 * A durable {@link SentParts}. Rows older than `keepDays` are dropped at start: by then their replies
 * were marked sent (or failed) in the outbox long ago.
 *
 * @example
 * new TelegramSender(bot, { sentParts: new SqliteSentParts(assistant.db) });
 */
export class SqliteSentParts implements SentParts {
  private readonly sql;

  constructor(
    db: Database,
    private readonly options: { now?: () => Date; keepDays?: number } = {},
  ) {
    migrateOwnTables(db, 'chn_sent_parts', [{ version: 1, description: 'the parts of a reply a channel took', up: (d) => d.exec(`
      CREATE TABLE IF NOT EXISTS chn_sent_parts (
        delivery_id INTEGER NOT NULL,  -- the outbox row (dlv_outbox.id)
        part INTEGER NOT NULL,         -- 0, 1, 2… in sending order
        message_id TEXT NOT NULL,      -- the id the channel gave the part
        sent_at TEXT NOT NULL,
        PRIMARY KEY (delivery_id, part)
      ) WITHOUT ROWID;
    `) }]);
    this.sql = {
      of: db.prepare<[number], { part: number; message_id: string }>('SELECT part, message_id FROM chn_sent_parts WHERE delivery_id = ?'),
      record: db.prepare<[number, number, string, string]>('INSERT OR REPLACE INTO chn_sent_parts (delivery_id, part, message_id, sent_at) VALUES (?, ?, ?, ?)'),
      prune: db.prepare<[string]>('DELETE FROM chn_sent_parts WHERE sent_at < ?'),
    };
    const keepMs = (options.keepDays ?? 30) * 24 * 60 * 60 * 1000;
    this.sql.prune.run(new Date(this.now().getTime() - keepMs).toISOString());
  }

  of(deliveryId: number): Map<number, string> {
    return new Map(this.sql.of.all(deliveryId).map((row) => [row.part, row.message_id]));
  }

  record(deliveryId: number, part: number, messageId: string): void {
    this.sql.record.run(deliveryId, part, messageId, this.now().toISOString());
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

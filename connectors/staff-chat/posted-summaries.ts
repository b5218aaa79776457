/**
 * Which handovers staff were told about: one row per conversation and handover (the time the conversation
 * was handed over), written in the same transaction as the summary's outbox row. A handover without a row
 * was never announced — the process died between the engine's save and the relay — and is announced at
 * the next start.
 */
import type { Database } from 'better-sqlite3';
import { migrateOwnTables } from '../../common';

export class PostedSummaries {
  private readonly sql;

  constructor(db: Database) {
    migrateOwnTables(db, 'staff_summaries', [{ version: 1, description: 'handovers announced in the staff chat', up: (d) => d.exec(`
      CREATE TABLE IF NOT EXISTS staff_summaries (
        conversation_id TEXT NOT NULL,    -- the guest's conversation, e.g. telegram:42
        handed_over_at TEXT NOT NULL,     -- the handover's time (the conversation state's handedOver.at)
        posted_at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, handed_over_at)
      ) WITHOUT ROWID;
    `) }]);
    this.sql = {
      insert: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO staff_summaries (conversation_id, handed_over_at, posted_at) VALUES (?, ?, ?)'),
      has: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM staff_summaries WHERE conversation_id = ? AND handed_over_at = ?'),
    };
  }

  /** Notes that this handover's summary is queued; false when it was already. */
  add(conversationId: string, handedOverAt: string, at: Date): boolean {
    return this.sql.insert.run(conversationId, handedOverAt, at.toISOString()).changes === 1;
  }

  /** True when this handover's summary was queued. */
  has(conversationId: string, handedOverAt: string): boolean {
    return this.sql.has.get(conversationId, handedOverAt) !== undefined;
  }
}

/**
 * The inbox: every inbound message is written here before it is acknowledged, under a unique
 * (channel, conversation, message id) — a message id is only unique within its conversation (a web page
 * numbers its own messages) — so a redelivered webhook is recognised and a crash after the acknowledgement
 * loses nothing: pending rows are processed on the next start, in arrival order.
 */
import type { Database } from 'better-sqlite3';
import type { StoredInbound } from './types';

/** One row of the inbox. */
export interface InboxEntry {
  id: number;
  channel: string;
  messageId: string;
  conversationId: string;
  message: StoredInbound;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  receivedAt: string;
}

interface InboxRow {
  id: number;
  channel: string;
  message_id: string;
  conversation_id: string;
  message: string;
  status: InboxEntry['status'];
  attempts: number;
  received_at: string;
}

/** The inbox on the delivery tables (migrated by the caller). */
export class Inbox {
  private readonly sql;

  constructor(db: Database) {
    this.sql = {
      insert: db.prepare(
        `INSERT INTO dlv_inbox (channel, message_id, conversation_id, message, status, received_at)
         VALUES (@channel, @message_id, @conversation_id, @message, 'pending', @received_at)
         ON CONFLICT (channel, conversation_id, message_id) DO NOTHING`,
      ),
      byKey: db.prepare<[string, string, string], InboxRow>('SELECT * FROM dlv_inbox WHERE channel = ? AND conversation_id = ? AND message_id = ?'),
      byId: db.prepare<[number], InboxRow>('SELECT * FROM dlv_inbox WHERE id = ?'),
      pending: db.prepare<[], InboxRow>(`SELECT * FROM dlv_inbox WHERE status = 'pending' ORDER BY id`),
      attempt: db.prepare<[number]>('UPDATE dlv_inbox SET attempts = attempts + 1 WHERE id = ?'),
      finish: db.prepare<[string, string, string | null, number]>('UPDATE dlv_inbox SET status = ?, processed_at = ?, error = ? WHERE id = ?'),
    };
  }

  /**
   * Stores the message unless its (channel, conversation, message id) is known. Returns the entry and whether it was
   * new. One statement, so two deliveries racing each other store one row.
   */
  accept(message: StoredInbound, conversationId: string, at: string): { entry: InboxEntry; isNew: boolean } {
    const { changes } = this.sql.insert.run({
      channel: message.channel,
      message_id: message.messageId,
      conversation_id: conversationId,
      message: JSON.stringify(message),
      received_at: at,
    });
    return { entry: entryFromRow(this.sql.byKey.get(message.channel, conversationId, message.messageId)!), isNew: changes === 1 };
  }

  get(id: number): InboxEntry | undefined {
    const row = this.sql.byId.get(id);
    return row && entryFromRow(row);
  }

  /** Pending messages of every conversation, in arrival order. */
  pending(): InboxEntry[] {
    return this.sql.pending.all().map(entryFromRow);
  }

  /** Counts an attempt to process the message. */
  countAttempt(id: number): void {
    this.sql.attempt.run(id);
  }

  /** Marks the message processed (`done`) or given up (`failed`, with the reason). */
  finish(id: number, status: 'done' | 'failed', at: string, error?: string): void {
    this.sql.finish.run(status, at, error ?? null, id);
  }
}

function entryFromRow(row: InboxRow): InboxEntry {
  return {
    id: row.id,
    channel: row.channel,
    messageId: row.message_id,
    conversationId: row.conversation_id,
    message: JSON.parse(row.message) as StoredInbound,
    status: row.status,
    attempts: row.attempts,
    receivedAt: row.received_at,
  };
}

/**
 * The outbox: every reply is written here (in the same transaction that marks its inbound message
 * processed) before it is sent, and marked sent after the channel took it. A restart sends what is still
 * unsent; a reply marked sent is never sent again.
 */
import type { Database } from 'better-sqlite3';
import type { Reply } from '../../common';

/** One row of the outbox. */
export interface OutboxEntry {
  id: number;
  inboxId: number | null;
  position: number;
  conversationId: string;
  channel: string;
  userId: string;
  reply: Reply;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
}

interface OutboxRow {
  id: number;
  inbox_id: number | null;
  position: number;
  conversation_id: string;
  channel: string;
  user_id: string;
  reply: string;
  status: OutboxEntry['status'];
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  sent_at: string | null;
}

/** A reply to add: who it goes to and what it says. */
export interface NewOutboxEntry {
  inboxId: number | null;
  position: number;
  conversationId: string;
  channel: string;
  userId: string;
  reply: Reply;
}

/** The outbox on the delivery tables (migrated by the caller). */
export class Outbox {
  private readonly sql;

  constructor(db: Database) {
    this.sql = {
      insert: db.prepare(
        `INSERT INTO dlv_outbox (inbox_id, position, conversation_id, channel, user_id, reply, status, created_at, next_attempt_at)
         VALUES (@inbox_id, @position, @conversation_id, @channel, @user_id, @reply, 'pending', @at, @at)
         ON CONFLICT (inbox_id, position) DO NOTHING`,
      ),
      byInbox: db.prepare<[number], OutboxRow>('SELECT * FROM dlv_outbox WHERE inbox_id = ? ORDER BY position'),
      byId: db.prepare<[number], OutboxRow>('SELECT * FROM dlv_outbox WHERE id = ?'),
      firstUnsent: db.prepare<[string], OutboxRow>(
        `SELECT * FROM dlv_outbox WHERE conversation_id = ? AND status IN ('pending', 'sending') ORDER BY id LIMIT 1`,
      ),
      unsentConversations: db.prepare<[], { conversation_id: string }>(
        `SELECT conversation_id FROM dlv_outbox WHERE status IN ('pending', 'sending') GROUP BY conversation_id ORDER BY MIN(id)`,
      ),
      claim: db.prepare<[number]>(`UPDATE dlv_outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ?`),
      sent: db.prepare<[string, string | null, number]>(`UPDATE dlv_outbox SET status = 'sent', sent_at = ?, sent_message_id = ?, error = NULL WHERE id = ?`),
      retry: db.prepare<[string, string, number]>(`UPDATE dlv_outbox SET status = 'pending', next_attempt_at = ?, error = ? WHERE id = ?`),
      failed: db.prepare<[string, number]>(`UPDATE dlv_outbox SET status = 'failed', error = ? WHERE id = ?`),
      sentAfter: db.prepare<[string, number], OutboxRow>(`SELECT * FROM dlv_outbox WHERE conversation_id = ? AND status = 'sent' AND id > ? ORDER BY id`),
      lastSent: db.prepare<[string], { id: number | null }>(`SELECT MAX(id) AS id FROM dlv_outbox WHERE conversation_id = ? AND status = 'sent'`),
      outOfTurn: db.prepare<[string], OutboxRow>(`SELECT * FROM dlv_outbox WHERE conversation_id = ? AND inbox_id IS NULL ORDER BY id`),
    };
  }

  /** Adds replies (a turn's are keyed by inbox id and position, so adding them twice adds them once); returns them as stored. */
  add(entries: NewOutboxEntry[], at: string): OutboxEntry[] {
    return entries.map((entry) => {
      const { lastInsertRowid, changes } = this.sql.insert.run({
        inbox_id: entry.inboxId,
        position: entry.position,
        conversation_id: entry.conversationId,
        channel: entry.channel,
        user_id: entry.userId,
        reply: JSON.stringify(entry.reply),
        at,
      });
      const row = changes === 1 ? this.sql.byId.get(Number(lastInsertRowid)) : this.sql.byInbox.all(entry.inboxId!).find((r) => r.position === entry.position);
      return entryFromRow(row!);
    });
  }

  /** The replies a turn produced, in order. */
  ofTurn(inboxId: number): OutboxEntry[] {
    return this.sql.byInbox.all(inboxId).map(entryFromRow);
  }

  /** The conversation's oldest reply not yet sent (pending or in flight), which must go before any later one. */
  firstUnsent(conversationId: string): OutboxEntry | undefined {
    const row = this.sql.firstUnsent.get(conversationId);
    return row && entryFromRow(row);
  }

  /** Conversations with replies not yet sent, the longest waiting first. */
  conversationsWithUnsent(): string[] {
    return this.sql.unsentConversations.all().map((r) => r.conversation_id);
  }

  /** Marks a reply in flight and counts the attempt; committed before the channel is called. */
  claim(id: number): void {
    this.sql.claim.run(id);
  }

  markSent(id: number, at: string, channelMessageId?: string): void {
    this.sql.sent.run(at, channelMessageId ?? null, id);
  }

  scheduleRetry(id: number, nextAttemptAt: string, error: string): void {
    this.sql.retry.run(nextAttemptAt, error, id);
  }

  markFailed(id: number, error: string): void {
    this.sql.failed.run(error, id);
  }

  /** Replies of a conversation sent after delivery id `afterId` (an SSE client reconnecting with Last-Event-ID). */
  sentAfter(conversationId: string, afterId: number): OutboxEntry[] {
    return this.sql.sentAfter.all(conversationId, afterId).map(entryFromRow);
  }

  /** The newest sent reply's delivery id of a conversation, 0 when none. */
  lastSentId(conversationId: string): number {
    return this.sql.lastSent.get(conversationId)?.id ?? 0;
  }

  /** Replies that no turn produced (staff answering during a handover), oldest first. */
  outOfTurn(conversationId: string): OutboxEntry[] {
    return this.sql.outOfTurn.all(conversationId).map(entryFromRow);
  }
}

function entryFromRow(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    inboxId: row.inbox_id,
    position: row.position,
    conversationId: row.conversation_id,
    channel: row.channel,
    userId: row.user_id,
    reply: JSON.parse(row.reply) as Reply,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
  };
}

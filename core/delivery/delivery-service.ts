/**
 * Delivery with guarantees, for every channel: inbox first (deduplicated, durable), one turn at a time
 * per conversation in arrival order (conversations in parallel), replies through an outbox with retry and
 * backoff, and a restart that picks up whatever a crash left behind.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { type InboundMessage, type Reply, silentLogger, type Logger, SendError, type Sender } from '../../common';
import { BusyRetry, conversationId, DatabaseBusyError, DEFAULT_BUSY_POLICY, isDatabaseBusy, KeyedMutex, type BusyPolicy, type ConversationKey, type ConversationStore } from '../store';
import type { Clock } from '../../nlu';
import { backoffDelay, DEFAULT_RETRY, type RetryPolicy } from './backoff';
import { InvalidInboundError } from './errors';
import { Inbox, type InboxEntry } from './inbox';
import { Outbox, type OutboxEntry } from './outbox';
import { migrateDeliveryTables } from './schema';
import type { DeliveredReply, DeliveredTurn, StoredInbound, TurnHandler } from './types';

/** Timers the outbox waits with (injected so tests drive retries by hand). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DeliveryServiceOptions {
  /** The assistant's database: the `dlv_` tables are created in it. */
  db: Database;
  /** Runs a turn (the dialogue engine). */
  engine: TurnHandler;
  /**
   * The conversation log: a message the engine already answered before a crash (its id is in the log) is
   * not answered again; its logged replies go to the outbox instead.
   */
  store: Pick<ConversationStore, 'messages'>;
  /** One sender per channel name. Replies of a channel without one wait in the outbox. */
  senders: Record<string, Sender>;
  clock: Clock;
  retry?: Partial<RetryPolicy>;
  timers?: Timers;
  log?: Logger;
  /** Tries of a turn that throws before the message is marked failed. Default 3. */
  maxTurnAttempts?: number;
  /**
   * What the guest is told when her message's turn keeps failing (the `generic_error` apology), sent like
   * any reply. Default: nothing is sent.
   */
  apology?: () => Reply;
  /** Ids for messages a channel gives none (the web widget without its own). Default: random UUIDs. */
  newMessageId?: () => string;
  /** How long a write waits while another writer holds the database. Default {@link DEFAULT_BUSY_POLICY}. */
  busy?: Partial<BusyPolicy>;
}

/** What {@link DeliveryService.receive} tells the connector at once, before the turn runs. */
export interface Receipt {
  inboxId: number;
  conversationId: string;
  /** The message was received before: it is not processed again. */
  duplicate: boolean;
  /** Settles when the turn has been processed and its replies are in the outbox (not necessarily sent). */
  turn: Promise<DeliveredTurn>;
}

const SYSTEM_TIMERS: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** How many recent log messages are searched for a message already answered before a crash. */
const RECOVERY_WINDOW = 50;

/**
 * Takes inbound messages from connectors, runs the engine on them and sends the replies through the
 * channel's {@link Sender}.
 *
 * @example
 * const delivery = new DeliveryService({ db: assistant.db, engine: assistant.engine, store: assistant.store, senders: { web: webSender }, clock });
 * await delivery.start();                       // drains what a previous process left
 * const receipt = delivery.receive(message);    // stored: acknowledge the webhook now
 * const { replies } = await receipt.turn;       // or wait for the turn (the web chat API does)
 */
export class DeliveryService {
  private readonly inbox: Inbox;
  private readonly outbox: Outbox;
  private readonly turns = new KeyedMutex();
  private readonly sends = new KeyedMutex();
  private readonly inFlight = new Map<number, Promise<DeliveredTurn>>();
  private readonly work = new Set<Promise<unknown>>();
  private readonly waits = new Map<string, unknown>();
  /** Turns put off because the database stayed locked, by inbox id: their retry timers. */
  private readonly putOff = new Map<number, unknown>();
  private readonly retry: RetryPolicy;
  private readonly busy: BusyRetry;
  private readonly timers: Timers;
  private readonly log: Logger;
  private readonly warnedChannels = new Set<string>();
  private stopped = false;

  constructor(private readonly options: DeliveryServiceOptions) {
    migrateDeliveryTables(options.db);
    this.inbox = new Inbox(options.db);
    this.outbox = new Outbox(options.db);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.busy = new BusyRetry({ ...DEFAULT_BUSY_POLICY, ...options.busy });
    this.timers = options.timers ?? SYSTEM_TIMERS;
    this.log = options.log ?? silentLogger;
  }

  /**
   * Drains what a previous process left: pending inbound messages (in arrival order) and unsent replies.
   * Call it once before accepting new messages. Resolves when the pending messages are processed.
   */
  async start(): Promise<void> {
    const pending = this.inbox.pending();
    if (pending.length > 0) this.log.info('delivery.inbox.drain', { messages: pending.length });
    const turns = pending.map((entry) => this.schedule(entry));
    for (const conversation of this.outbox.conversationsWithUnsent()) this.flush(conversation);
    await Promise.allSettled(turns);
  }

  /**
   * Stores an inbound message in the inbox and queues its turn. Synchronous up to the store, so a webhook
   * can acknowledge as soon as this returns. A message whose (channel, conversation, message id) was
   * received before is a duplicate: its turn is the first delivery's.
   *
   * @throws {InvalidInboundError} when the channel or user id cannot name a conversation.
   */
  receive(message: InboundMessage): Receipt {
    let conversation: string;
    try {
      conversation = conversationId({ channel: message.channel, userId: message.userId });
    } catch (error) {
      throw new InvalidInboundError(`an inbound message needs a channel without ":" and a user id (got channel "${message.channel}", user "${message.userId}")`, {
        hint: 'the connector must fill channel and userId',
        cause: error,
      });
    }
    const stored: StoredInbound = { ...message, messageId: message.messageId || (this.options.newMessageId ?? randomUUID)() };
    const { entry, isNew } = this.inbox.accept(stored, conversation, this.now());
    if (!isNew) this.log.info('delivery.inbox.duplicate', { conversation, channel: entry.channel, messageId: entry.messageId });
    const turn = isNew ? this.schedule(entry) : (this.inFlight.get(entry.id) ?? (entry.status === 'pending' ? this.schedule(entry) : Promise.resolve(this.delivered(entry, true))));
    const again = isNew ? turn : turn.then((t) => ({ ...t, duplicate: true }));
    // A webhook does not wait for the turn: its failure (logged) must not be an unhandled rejection.
    again.catch(() => undefined);
    return { inboxId: entry.id, conversationId: conversation, duplicate: !isNew, turn: again };
  }

  /**
   * {@link receive}, tried again with the event loop free while another writer holds the database (the web
   * API, which can tell the page to come back later).
   *
   * @throws {DatabaseBusyError} when the database stayed locked: nothing was stored.
   * @throws {InvalidInboundError} as `receive`.
   */
  receiveWhenFree(message: InboundMessage): Promise<Receipt> {
    return this.busy.run(() => this.receive(message));
  }

  /**
   * Sends replies that no turn produced (an administrator answering during a handover) through the
   * outbox, after any reply of the conversation still waiting.
   */
  deliver(key: ConversationKey, replies: Reply[]): DeliveredReply[] {
    const conversation = conversationId(key);
    const entries = this.outbox.add(
      replies.map((reply, position) => ({ inboxId: null, position, conversationId: conversation, channel: key.channel, userId: key.userId, reply })),
      this.now(),
    );
    this.flush(conversation);
    return entries.map(toDelivered);
  }

  /** Replies of a conversation sent after delivery id `afterId` (for a reconnecting event stream). */
  sentAfter(conversation: string, afterId: number): DeliveredReply[] {
    return this.outbox.sentAfter(conversation, afterId).map(toDelivered);
  }

  /** The newest sent reply's delivery id of a conversation, 0 when none (where a page's event stream resumes). */
  lastSentId(conversation: string): number {
    return this.outbox.lastSentId(conversation);
  }

  /** Replies of a conversation that no turn produced, with their creation times (for the chat history). */
  outOfTurnReplies(conversation: string): Array<DeliveredReply & { at: string }> {
    return this.outbox.outOfTurn(conversation).map((entry) => ({ ...toDelivered(entry), at: entry.createdAt }));
  }

  /** Resolves when every queued turn and send has settled (retries waiting on a timer do not count). */
  async idle(): Promise<void> {
    while (this.work.size > 0) await Promise.allSettled([...this.work]);
  }

  /** Stops the retry timers and sends nothing more; what is unsent stays in the outbox for the next start. */
  stop(): void {
    this.stopped = true;
    for (const handle of [...this.waits.values(), ...this.putOff.values()]) this.timers.clearTimeout(handle);
    this.waits.clear();
    this.putOff.clear();
  }

  private now(): string {
    return this.options.clock().toISOString();
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.work.add(promise);
    const forget = () => this.work.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  private schedule(entry: InboxEntry): Promise<DeliveredTurn> {
    const turn = this.track(this.turns.run(entry.conversationId, () => this.process(entry.id)));
    turn.catch((error: unknown) => {
      if (error instanceof DatabaseBusyError) this.putOffTurn(entry, error.retryAfterSeconds * 1000);
    });
    this.inFlight.set(entry.id, turn);
    const forget = () => this.inFlight.delete(entry.id);
    turn.then(forget, forget);
    return turn;
  }

  /** Runs one inbound message's turn, unless it was processed already; puts the replies in the outbox. */
  private async process(inboxId: number): Promise<DeliveredTurn> {
    const entry = this.inbox.get(inboxId)!;
    if (entry.status !== 'pending' || this.stopped) return this.delivered(entry, false);
    let replies = this.answeredBeforeCrash(entry);
    if (replies) this.log.warn('delivery.turn.recovered', { conversation: entry.conversationId, inboxId });
    const maxAttempts = this.options.maxTurnAttempts ?? 3;
    // A locked database is no failed attempt: the turn saved nothing and runs again once it is free. When
    // it stays locked, the message stays pending (DatabaseBusyError) and is put off (see putOffTurn).
    for (let attempt = entry.attempts + 1; !replies; attempt++) {
      await this.busy.run(() => this.inbox.countAttempt(inboxId));
      try {
        replies = await this.runTurn(entry);
      } catch (error) {
        if (error instanceof DatabaseBusyError) throw error;
        this.log.error('delivery.turn.failed', { conversation: entry.conversationId, inboxId, attempt, err: error });
        if (attempt >= maxAttempts) return await this.busy.run(() => this.failed(entry, error));
      }
    }
    const answer = replies;
    const key = { channel: entry.channel, userId: entry.message.userId };
    // Given up here, the turn is in the conversation log already: the next try takes its replies from there.
    const stored = await this.busy.run(() =>
      this.options.db.transaction(() => {
        const added = this.outbox.add(
          answer.map((reply, position) => ({ inboxId, position, conversationId: entry.conversationId, ...key, reply })),
          this.now(),
        );
        this.inbox.finish(inboxId, 'done', this.now());
        return added;
      }).immediate(),
    );
    this.flush(entry.conversationId);
    return { inboxId, conversationId: entry.conversationId, replies: stored.map(toDelivered), processed: true, duplicate: false };
  }

  /**
   * Marks the message failed after its last try and, when there is an apology, puts it in the outbox in
   * the same transaction: the guest hears that something went wrong instead of silence.
   */
  private failed(entry: InboxEntry, error: unknown): DeliveredTurn {
    const key = { channel: entry.channel, userId: entry.message.userId };
    let apology: Reply | undefined;
    try {
      apology = this.options.apology?.();
    } catch (renderError) {
      this.log.error('delivery.apology.failed', { conversation: entry.conversationId, inboxId: entry.id, err: renderError });
    }
    const stored = this.options.db.transaction(() => {
      const added = apology ? this.outbox.add([{ inboxId: entry.id, position: 0, conversationId: entry.conversationId, ...key, reply: apology }], this.now()) : [];
      this.inbox.finish(entry.id, 'failed', this.now(), error instanceof Error ? error.message : String(error));
      return added;
    }).immediate();
    if (stored.length > 0) this.flush(entry.conversationId);
    return { inboxId: entry.id, conversationId: entry.conversationId, replies: stored.map(toDelivered), processed: false, duplicate: false };
  }

  /**
   * The engine's replies to the message, tried again while the database is locked. A try after the first
   * looks in the conversation log first: a turn saved before a later write found the lock is not run twice.
   */
  private runTurn(entry: InboxEntry): Promise<Reply[]> {
    let tries = 0;
    return this.busy.run(async () => (tries++ > 0 ? this.answeredBeforeCrash(entry) : undefined) ?? (await this.options.engine.handle(entry.message)).replies);
  }

  /**
   * The replies of a turn the engine committed before the process died (the message id is in the
   * conversation log, but the inbox row was never marked done); undefined when it was not answered.
   */
  private answeredBeforeCrash(entry: InboxEntry): Reply[] | undefined {
    const log = this.options.store.messages(entry.conversationId, { last: RECOVERY_WINDOW });
    const inbound = log.find((m) => m.direction === 'in' && m.messageId === entry.messageId);
    if (!inbound) return undefined;
    return log
      .filter((m) => m.direction === 'out' && m.turn === inbound.turn)
      .map((m) => ({ text: m.text ?? '', buttons: m.buttons ?? [], ...(m.response ? { response: m.response } : {}) }));
  }

  private delivered(entry: InboxEntry, duplicate: boolean): DeliveredTurn {
    const current = this.inbox.get(entry.id) ?? entry;
    return {
      inboxId: entry.id,
      conversationId: entry.conversationId,
      replies: this.outbox.ofTurn(entry.id).map(toDelivered),
      processed: current.status === 'done',
      duplicate,
    };
  }

  /**
   * Runs a message's turn again later: the database stayed locked for the whole of the busy policy. A page
   * sending the message again (the same id) runs it sooner; a webhook's message waits for this.
   */
  private putOffTurn(entry: InboxEntry, ms: number): void {
    if (this.stopped || this.putOff.has(entry.id)) return;
    this.log.warn('delivery.turn.busy', { conversation: entry.conversationId, inboxId: entry.id, retryInMs: ms });
    this.putOff.set(
      entry.id,
      this.timers.setTimeout(() => {
        this.putOff.delete(entry.id);
        const current = this.inbox.get(entry.id);
        if (!this.stopped && current?.status === 'pending' && !this.inFlight.has(entry.id)) void this.schedule(current).catch(() => undefined);
      }, ms),
    );
  }

  /** Sends the conversation's unsent replies in order, one at a time; stops at one that must wait. */
  private flush(conversation: string): void {
    if (this.stopped) return;
    const send = this.sends.run(conversation, () => this.sendUnsent(conversation)).catch((error: unknown) => {
      // The outbox could not be written (claimed, marked sent): the reply is still unsent; try again soon.
      if (!isDatabaseBusy(error)) throw error;
      this.wake(conversation, this.busy.policy.retryAfterSeconds * 1000);
    });
    void this.track(send);
  }

  private async sendUnsent(conversation: string): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const next = this.outbox.firstUnsent(conversation);
      if (!next) return;
      const waitMs = Date.parse(next.nextAttemptAt) - this.options.clock().getTime();
      if (next.status === 'pending' && waitMs > 0) return this.wake(conversation, waitMs);
      const sender = this.options.senders[next.channel];
      if (!sender) {
        // Kept, not dropped: the replies go out once the channel is configured again.
        if (!this.warnedChannels.has(next.channel)) this.log.warn('delivery.outbox.no_sender', { channel: next.channel });
        this.warnedChannels.add(next.channel);
        return;
      }
      // A reply found 'sending' was in flight when a process died: whether the channel got it is unknown;
      // it is sent again with the same delivery id, which a sender that can deduplicate uses.
      if (next.status === 'sending') this.log.warn('delivery.outbox.in_doubt', { conversation, deliveryId: next.id });
      this.outbox.claim(next.id);
      const attempt = next.attempts + 1;
      try {
        const receipt = await sender.send({ deliveryId: next.id, conversationId: conversation, channel: next.channel, userId: next.userId, reply: next.reply, attempt });
        this.outbox.markSent(next.id, this.now(), receipt?.messageId);
      } catch (error) {
        const retryable = !(error instanceof SendError) || error.retryable;
        const message = error instanceof Error ? error.message : String(error);
        if (!retryable || attempt >= this.retry.maxAttempts) {
          this.log.error('delivery.outbox.failed', { conversation, deliveryId: next.id, attempt, err: error });
          this.outbox.markFailed(next.id, message);
          continue;
        }
        const delay = backoffDelay(attempt, this.retry, error instanceof SendError ? error.retryAfterMs : undefined);
        this.log.warn('delivery.outbox.retry', { conversation, deliveryId: next.id, attempt, delayMs: delay, err: error });
        this.outbox.scheduleRetry(next.id, new Date(this.options.clock().getTime() + delay).toISOString(), message);
        return this.wake(conversation, delay);
      }
    }
  }

  private wake(conversation: string, ms: number): void {
    const previous = this.waits.get(conversation);
    if (previous !== undefined) this.timers.clearTimeout(previous);
    this.waits.set(
      conversation,
      this.timers.setTimeout(() => {
        this.waits.delete(conversation);
        this.flush(conversation);
      }, ms),
    );
  }
}

function toDelivered(entry: OutboxEntry): DeliveredReply {
  return { id: entry.id, ...entry.reply };
}

/** The shapes delivery works with: what a channel's sender gets, and what a delivered turn returns. */
import type { InboundMessage, Reply, TurnResult } from '../dialogue';

/** A reply on its way to a guest. `deliveryId` is stable across retries and restarts: a sender that can deduplicate uses it. */
export interface OutboundMessage {
  deliveryId: number;
  conversationId: string;
  channel: string;
  userId: string;
  reply: Reply;
  /** 1 on the first try. */
  attempt: number;
}

/** What a channel's sender reports: the id the channel gave the message, when it gives one. */
export interface SendReceipt {
  messageId?: string;
}

/**
 * Sends replies in one channel. Throw a `SendError` (retryable or not) on failure; any other error counts
 * as retryable. Replies of one conversation are handed over one at a time, in order.
 */
export interface Sender {
  send(message: OutboundMessage): Promise<SendReceipt | void>;
}

/** The part of the dialogue engine delivery needs. */
export interface TurnHandler {
  handle(message: InboundMessage): Promise<TurnResult>;
}

/** A reply with its delivery id (the outbox row). */
export interface DeliveredReply extends Reply {
  id: number;
}

/** The outcome of one inbound message. */
export interface DeliveredTurn {
  inboxId: number;
  conversationId: string;
  replies: DeliveredReply[];
  /** False when the turn could not be processed (see the log); its replies are then only the apology, if any. */
  processed: boolean;
  /** The message had been received before (a redelivery): nothing was processed again. */
  duplicate: boolean;
}

/** An inbound message as the inbox keeps it: the message id is always set (generated when the channel has none). */
export type StoredInbound = InboundMessage & { messageId: string };

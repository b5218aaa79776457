/**
 * The channel contract: what every connector (Telegram, WhatsApp, the web widget, the staff chat) hands
 * the core — a guest's message in one shape — and what it gets back to send: replies with buttons, on
 * their way through the outbox, and the error a sender throws when one cannot be sent. Connectors and
 * the core both depend on this file; neither on the other's internals.
 */
import { CocoError } from './errors';

// What a guest sends
/** A guest's message in any channel, after the connector turned it into one shape. */
export interface InboundMessage {
  channel: string;
  userId: string;
  /** The channel's message id (deduplication, logs). */
  messageId?: string;
  text?: string;
  /** A pressed button's payload (`/slot branch=tverskaya`, `/intent booking`, `/resume yes`, `/handover`). */
  payload?: string;
  attachments?: MessageAttachment[];
  /** The guest's name as the channel gives it (the guest chose it: never proof of who she is). */
  userName?: string;
  /**
   * A phone number (E.164) the channel itself vouches is the sender's: WhatsApp's sender number, a
   * Telegram contact the guest shared of herself (its `user_id` is the sender's). A number the guest
   * types is never one: it is a claim, checked by the identify flow before anything is shown or changed.
   */
  verifiedPhone?: string;
}

/** A file or media the guest sent. Connectors fill what their channel gives. */
export interface MessageAttachment {
  /** `image`, `file`, `audio`, `video`, `location`, … */
  type: string;
  url?: string;
  /** The channel's file id. */
  fileId?: string;
  mimeType?: string;
  name?: string;
  [extra: string]: unknown;
}

// What the assistant sends back
/** One message of the assistant. */
export interface Reply {
  text: string;
  buttons: Button[];
  /** The response key it was rendered from (tests and logs). */
  response?: string;
}

/** A button the guest can press. */
export interface Button {
  title: string;
  payload: string;
}

/**
 * The longest button title a channel shows in full, by channel name; a channel not listed shows titles
 * as long as the assistant writes them. WhatsApp cuts reply-button titles at 20 characters.
 */
export const BUTTON_TITLE_LIMITS: Readonly<Record<string, number>> = { whatsapp: 20 };

// Sending through the outbox
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

/**
 * Sends replies in one channel. Throw a `SendError` (retryable or not) on failure; any other error counts
 * as retryable. Replies of one conversation are handed over one at a time, in order.
 */
export interface Sender {
  send(message: OutboundMessage): Promise<SendReceipt | void>;
}

/** What a channel's sender reports: the id the channel gave the message, when it gives one. */
export interface SendReceipt {
  messageId?: string;
}

/**
 * A reply could not be sent. `retryable` failures are tried again with backoff (after `retryAfterMs`
 * when the channel said so, e.g. Telegram's 429 `retry_after`); others mark the reply failed at once.
 */
export class SendError extends CocoError {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number; hint?: string; cause?: unknown }) {
    super(message, options);
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

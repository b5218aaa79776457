/**
 * Errors of message delivery. A channel's `Sender` says whether a failure is worth retrying: the remote
 * side refusing for good (a blocked bot, a bad recipient) is not; the network failing or a rate limit is.
 */
import { CocoError } from '../../common';

/** Any delivery problem. */
export class DeliveryError extends CocoError {}

/**
 * A reply could not be sent. `retryable` failures are tried again with backoff (after `retryAfterMs`
 * when the channel said so, e.g. Telegram's 429 `retry_after`); others mark the reply failed at once.
 */
export class SendError extends DeliveryError {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number; hint?: string; cause?: unknown }) {
    super(message, options);
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** An inbound message lacks what delivery needs (a channel, a user id). */
export class InvalidInboundError extends DeliveryError {}

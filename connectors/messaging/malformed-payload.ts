/**
 * Malformed channel payloads: a message of a webhook batch or an update that lacks a field, or has one of
 * the wrong type, is skipped and logged, never allowed to fail the request. A webhook that answered 500
 * for it would be redelivered forever, and the good messages of its batch would never be taken.
 */
import { CocoError, type Logger } from '../../common';
import { InvalidInboundError } from '../../core';

/** A channel payload lacks a field the connector needs, or has it with the wrong type. */
export class MalformedPayloadError extends CocoError {
  /** The field, as a path inside the message (`text.body`, `chat.id`). */
  readonly field: string;

  constructor(field: string, problem = 'is missing or has the wrong type') {
    super(`the payload's "${field}" ${problem}`, { hint: 'the message is skipped; the rest of the payload is taken' });
    this.field = field;
  }
}

/** A message a connector skipped, for the log. Nothing the guest wrote is in it. */
export interface SkippedPayload {
  reason: string;
  /** The channel's message id, when the payload had a readable one. */
  messageId?: string;
}

/**
 * True when an error says the message itself cannot be taken (malformed, or lacking what delivery needs):
 * skipping it is right, redelivering it would fail again. Any other error (the inbox unavailable) is not.
 */
export function isRefusedMessage(error: unknown): boolean {
  return error instanceof MalformedPayloadError || error instanceof InvalidInboundError;
}

/** Why a message was skipped, as one short line (an error's first line: no hint, no payload). */
export function skipReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

/**
 * Logs a skipped message at warn. The logger masks personal data; only the reason and the message id are
 * given to it, never the text.
 */
export function logSkipped(logger: Logger | undefined, event: string, skipped: SkippedPayload, fields: Record<string, unknown> = {}): void {
  logger?.warn(event, { ...fields, reason: skipped.reason, ...(skipped.messageId ? { messageId: skipped.messageId } : {}) });
}

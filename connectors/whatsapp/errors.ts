/**
 * Errors of the WhatsApp connector: "the Graph API (or 360dialog) refused" apart from "the network
 * failed", and the 24-hour rule, so that the outbox knows whether to retry.
 */
import { CocoError } from '../../common';

// Graph API error codes that mean "too many messages, later": https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
const RATE_LIMIT_CODES = new Set([4, 80007, 130429, 131048, 131056]);

/** The code Meta answers when a free-form message is sent outside the 24-hour customer service window. */
export const REENGAGEMENT_ERROR_CODE = 131047;

/** The API answered with an error. */
export class WhatsAppApiError extends CocoError {
  readonly status: number;
  /** The Graph API's `error.code` (e.g. 131047 outside the window, 130429 rate limit), when given. */
  readonly code: number | undefined;
  readonly retryable: boolean;
  readonly fbtraceId: string | undefined;

  constructor(status: number, code: number | undefined, detail: string, fbtraceId?: string) {
    const retryable = status === 429 || status >= 500 || (code !== undefined && RATE_LIMIT_CODES.has(code));
    super(`WhatsApp API refused the message: HTTP ${status}${code !== undefined ? `, code ${code}` : ''}: ${detail}`, {
      hint: status === 401 || code === 190
        ? 'the access token (WHATSAPP_ACCESS_TOKEN) or the 360dialog API key (D360_API_KEY) is wrong or expired'
        : retryable
          ? 'a rate limit or a server error: the message stays in the outbox and is retried'
          : 'the request was refused; it will not be retried',
    });
    this.status = status;
    this.code = code;
    this.retryable = retryable;
    this.fbtraceId = fbtraceId;
  }
}

/** The API could not be reached, or answered something that is not JSON. */
export class WhatsAppNetworkError extends CocoError {
  readonly retryable = true;
}

/** A free-form reply outside the 24-hour window, and no template configured to send instead. */
export class WhatsAppWindowClosedError extends CocoError {
  readonly retryable = false;

  constructor(userId: string) {
    super(`WhatsApp: the guest ${userId.slice(0, 4)}… last wrote more than 24 hours ago; only a template may be sent`, {
      hint: 'configure a message template (WHATSAPP_TEMPLATE_NAME, WHATSAPP_TEMPLATE_LANGUAGE) approved in WhatsApp Manager',
    });
  }
}

/** The WhatsApp connector was configured wrongly. */
export class WhatsAppConfigError extends CocoError {}

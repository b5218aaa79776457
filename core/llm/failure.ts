/**
 * What went wrong with one call to the model, from what the `openai` package throws: a typed value,
 * not an exception, with the API key scrubbed from the message.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { LlmFailureKind } from './types';
import { networkReason } from '../../common';

/** One failed call. */
export interface LlmFailure {
  kind: LlmFailureKind;
  model: string;
  /** The HTTP status, when the server answered with one. */
  status?: number;
  /** What happened, for logs; never contains the API key. */
  message: string;
}

/** Failures after which the fallback model is tried (the issue: timeout, 5xx, 429). */
export function isRetryable(kind: LlmFailureKind): boolean {
  return kind === 'timeout' || kind === 'server-error' || kind === 'rate-limited';
}

/**
 * Classifies what a chat call threw. `timedOut` says that our own deadline aborted the call (the
 * package then reports a user abort).
 */
export function toLlmFailure(error: unknown, model: string, apiKey: string, timedOut: boolean): LlmFailure {
  const scrub = (text: string) => redactSecret(text, apiKey);
  if (timedOut || error instanceof APIConnectionTimeoutError) return { kind: 'timeout', model, message: 'the model did not answer in time' };
  if (error instanceof APIUserAbortError) return { kind: 'timeout', model, message: 'the call was aborted' };
  if (error instanceof APIConnectionError) return { kind: 'network', model, message: scrub(`could not connect (${networkReason(error) ?? 'connection error'})`) };
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const kind: LlmFailureKind = status === 429 ? 'rate-limited' : status >= 500 ? 'server-error' : 'refused';
    return { kind, model, status, message: scrub(`HTTP ${status}${serverMessage(error) ? `: ${serverMessage(error)}` : ''}`) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'invalid-response', model, message: scrub(message) };
}

/** Secrets shorter than this are not scrubbed: masking every "a" would only garble the message. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of the secret with "***".
 *
 * @example redactSecret('bad key sk-123456', 'sk-123456') // "bad key ***"
 */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return text;
  return text.split(secret).join('***');
}

function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string') return body.message.slice(0, 300);
  return error.message.replace(/^\d{3}\s*/, '').replace(/^status code \(no body\)$/, '').slice(0, 300);
}

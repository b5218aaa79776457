/**
 * Turns what the `openai` package throws into an `EmbeddingError` that says what failed and how to fix it.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { EmbeddingError } from './embedding-error';
import { redactError, redactSecret } from './redact';
import { networkReason } from '../../common';

export interface EmbeddingCallContext {
  endpoint: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
}

const checkBaseUrl = 'check OPENAI_BASE_URL (an OpenAI-compatible server, ending in /v1) and that the server is running and reachable';

/**
 * Classifies a failure: an HTTP status from the server is `refused`, no answer is `network`, anything else
 * (an unexpected exception while reading the answer) is `invalid-response`. The API key is redacted from the
 * message and from the kept cause.
 */
export function toEmbeddingError(error: unknown, context: EmbeddingCallContext): EmbeddingError {
  if (error instanceof EmbeddingError) return error;
  const where = { endpoint: context.endpoint, model: context.model };
  const cause = redactError(error, context.apiKey);

  if (error instanceof APIConnectionTimeoutError) {
    return new EmbeddingError('network', where, `timed out after ${context.timeoutMs} ms`, {
      hint: `${checkBaseUrl}; for a slow server raise the embedder's timeoutMs or lower its batchSize`,
      cause,
    });
  }
  if (error instanceof APIUserAbortError) {
    return new EmbeddingError('network', where, 'was aborted', { cause });
  }
  if (error instanceof APIConnectionError) {
    const reason = redactSecret(networkReason(error) ?? '', context.apiKey);
    return new EmbeddingError('network', where, `failed: could not connect${reason ? ` (${reason})` : ''}`, { hint: checkBaseUrl, cause });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const detail = redactSecret(serverMessage(error), context.apiKey);
    return new EmbeddingError('refused', { ...where, status: error.status }, `was refused with HTTP ${error.status}${detail ? `: ${detail}` : ''}`, {
      hint: hintForStatus(error.status),
      cause,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new EmbeddingError('invalid-response', where, `failed: ${redactSecret(message, context.apiKey)}`, {
    hint: 'check that OPENAI_BASE_URL points at an OpenAI-compatible server that serves /embeddings',
    cause,
  });
}

function hintForStatus(status: number): string {
  if (status === 401 || status === 403) return 'check OPENAI_API_KEY: the server does not accept this key for this model';
  if (status === 404) return 'check the model name and OPENAI_BASE_URL (it usually ends in /v1); the server knows no such model or path';
  if (status === 400 || status === 422) return 'check the model name: it must be an embedding model (e.g. text-embedding-3-small) that this server serves';
  if (status === 429) return 'the server is rate-limiting or out of quota: retry later, lower batchSize, or check the account\'s billing';
  if (status >= 500) return 'the embedding server failed: retry later, or check its logs; also check OPENAI_BASE_URL';
  return 'check OPENAI_BASE_URL, OPENAI_API_KEY and the model name';
}

/** The server's own explanation, without the status prefix the openai package adds. */
function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string') return body.message;
  return error.message.replace(/^\d{3}\s*/, '').replace(/^status code \(no body\)$/, '');
}

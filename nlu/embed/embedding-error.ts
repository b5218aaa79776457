/**
 * The error of a remote embedding call. `kind` keeps apart the remote side refusing (an HTTP status) from
 * the network failing (no answer at all) and from an answer that is not a valid embeddings response.
 */
import { CocoError } from '../../common';

/**
 * - `refused`: the server answered with an HTTP error status (see `status`).
 * - `network`: no answer: connection refused, DNS failure, timeout, aborted.
 * - `invalid-response`: an answer, but not the embeddings asked for (wrong count, empty or non-numeric vectors).
 */
export type EmbeddingFailureKind = 'refused' | 'network' | 'invalid-response';

export class EmbeddingError extends CocoError {
  readonly kind: EmbeddingFailureKind;
  /** The URL that was called, e.g. "http://127.0.0.1:8080/v1/embeddings". */
  readonly endpoint: string;
  readonly model: string;
  /** The HTTP status, for `refused`. */
  readonly status?: number;

  constructor(
    kind: EmbeddingFailureKind,
    context: { endpoint: string; model: string; status?: number },
    problem: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(`Embedding request to ${context.endpoint} (model "${context.model}") ${problem}`, options);
    this.kind = kind;
    this.endpoint = context.endpoint;
    this.model = context.model;
    this.status = context.status;
  }
}

/** Errors the HTTP API answers with: a status, a stable machine-readable code and a message for people. */
import { CocoError } from './errors';

/**
 * An error with an HTTP status. The server's error handler answers it as
 * `{ "error": { "code": "<code>", "message": "<message>" } }`.
 */
export class HttpError extends CocoError {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** A request the API cannot take as it is (400), naming the field and what it expects. */
export function badRequest(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}

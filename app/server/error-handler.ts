/** The server's one error handler and its 404: every error reaches the client in one JSON shape. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../../common';
import { InvalidInboundError, DatabaseBusyError, isDatabaseBusy } from '../../core';
import { HttpError } from './errors';

/** What every failed request answers. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * Answers any error as `{ error: { code, message } }` and logs it once: client mistakes (4xx) at `info`,
 * server faults (5xx) at `error` with the cause. A 5xx never shows internals to the client. A database
 * locked by another writer is 503 `busy` with a `Retry-After` header, logged at `warn`.
 *
 * @example app.use(jsonErrorHandler(log));
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, code, message } = describe(error);
    if (isDatabaseBusy(error)) {
      // Not a fault of ours to page anyone about, and the client is told when to come back.
      res.set('Retry-After', String(error instanceof DatabaseBusyError ? error.retryAfterSeconds : 1));
      log.warn('http.busy', { method: req.method, path: req.path, status });
    } else if (status >= 500) log.error('http.error', { method: req.method, path: req.path, status, code, err: error });
    else log.info('http.rejected', { method: req.method, path: req.path, status, code });
    const body: ErrorBody = { error: { code, message } };
    res.status(status).json(body);
  };
}

/** The 404 for anything no route answered, in the same shape. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

function describe(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof InvalidInboundError) return { status: 400, code: 'invalid_message', message: error.message };
  if (isDatabaseBusy(error)) return { status: 503, code: 'busy', message: 'the assistant is busy; send the same message again after Retry-After seconds' };
  // body-parser's errors carry a `type` and a client status.
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return { status: 400, code: 'invalid_json', message: 'the request body is not valid JSON' };
  if (type === 'entity.too.large') return { status: 413, code: 'payload_too_large', message: 'the request body is too large' };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return { status: 415, code: 'unsupported_encoding', message: 'send the body as UTF-8 JSON' };
  return { status: 500, code: 'internal_error', message: 'something went wrong on our side; it has been logged' };
}

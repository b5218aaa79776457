/**
 * A messenger's webhook is checked before its body is read: a request without the right secret (Telegram)
 * or without a signature header (WhatsApp, whose HMAC needs the body) is refused at once, and a body is
 * read only up to a size the platform never exceeds.
 */
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../../common';
import { HttpError } from './errors';

/** The largest Telegram update body read, in bytes (an update with a 4096-character text is a few KB). */
export const TELEGRAM_BODY_LIMIT = 256 * 1024;

/** The largest WhatsApp webhook body read, in bytes (Meta batches several messages in one). */
export const WHATSAPP_BODY_LIMIT = 1024 * 1024;

/**
 * Lets the request on to the body parser only when `accepted(req)` holds; otherwise answers 401
 * `unauthorized` without reading the body, and closes the connection (the unread body is not waited for).
 *
 * @example router.post('/telegram/webhook', checkBeforeBody((req) => isValidSecretToken(req.get(SECRET_TOKEN_HEADER), secret), 'missing or wrong X-Telegram-Bot-Api-Secret-Token'), express.raw(…), handler);
 */
export function checkBeforeBody(accepted: (req: Request) => boolean, refusal: string, log?: Logger): RequestHandler {
  return (req, res, next) => {
    if (accepted(req)) return next();
    log?.warn('webhook.refused_before_body', { path: req.path, ip: req.ip });
    res.set('Connection', 'close');
    next(new HttpError(401, 'unauthorized', refusal));
  };
}

/**
 * Answers 413 at once for a body announced (Content-Length) as larger than `limit` bytes, and closes the
 * connection. The body parser's own limit would first read the whole body to discard it.
 */
export function announcedBodyUnder(limit: number): RequestHandler {
  return (req, res, next) => {
    const length = Number(req.get('Content-Length') ?? 0);
    if (!(length > limit)) return next();
    res.set('Connection', 'close');
    next(new HttpError(413, 'payload_too_large', `the request body is larger than ${limit} bytes`));
  };
}

/**
 * Request rate limits of the web API (express-rate-limit, counts in memory): one per client IP for every
 * `/api/web` request, one per session once the route knows the session. Over a limit: 429
 * `rate_limited` with `Retry-After`, in the API's one error shape.
 */
import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../../common';
import type { WebLimits } from './limits';

/** Where a route leaves the session id it read (for the per-session limit). */
export function setSessionOf(res: Response, sessionId: string): void {
  res.locals.sessionId = sessionId;
}

/** The session id a route left with {@link setSessionOf}, if any. */
export function sessionOf(res: Response): string | undefined {
  return typeof res.locals.sessionId === 'string' ? res.locals.sessionId : undefined;
}

const refuse = (what: string): RequestHandler =>
  // Any message of its own (no library default text), through the one error handler.
  (_req, _res, next) => next(new HttpError(429, 'rate_limited', `too many requests from this ${what}; wait and try again (see Retry-After)`));

/** The limit per client IP (`req.ip`: the proxy's X-Forwarded-For when it runs on loopback). */
export function perIpRateLimit(limits: WebLimits): RequestHandler {
  return rateLimit({
    windowMs: limits.windowMs,
    limit: limits.requestsPerIp,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res, next) => refuse('address')(req, res, next),
  });
}

/** The limit per session; a route runs it after {@link setSessionOf}. Requests without a session are not counted. */
export function perSessionRateLimit(limits: WebLimits): RequestHandler {
  return rateLimit({
    windowMs: limits.windowMs,
    limit: limits.requestsPerSession,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (_req, res) => `session:${sessionOf(res)}`,
    skip: (_req, res) => sessionOf(res) === undefined,
    handler: (req, res, next) => refuse('chat session')(req, res, next),
  });
}

/**
 * The web chat API:
 * - `POST /api/web/messages` `{ sessionId, text | payload, messageId? }` → `{ conversationId, messageId, duplicate, replies }`;
 * - `GET /api/web/history?sessionId=` → `{ messages, lastEventId }`;
 * - `POST /api/web/events/token` `{ sessionId }` → `{ token, expiresIn }`: what opens the event stream;
 * - `GET /api/web/events?token=[&lastEventId=]` → server-sent events `reply` with later replies
 *   (an administrator answering during a handover), resumed after `Last-Event-ID`. The session id is never
 *   in this URL (URLs are logged): the short-lived token stands for it.
 */
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { DeliveryService, ConversationStore } from '../../core';
import { HttpError } from '../../common';
import type { WebEventHub } from './events';
import { webHistory } from './history';
import { checkSessionId, WEB_CHANNEL, webInboundMessage } from './inbound';
import { DEFAULT_WEB_LIMITS, type WebLimits } from './limits';
import { perIpRateLimit, perSessionRateLimit, sessionOf, setSessionOf } from './rate-limits';
import { StreamCaps } from './stream-caps';
import { StreamTokens } from './stream-token';

export interface WebRouterDeps {
  delivery: DeliveryService;
  store: Pick<ConversationStore, 'messages'>;
  hub: WebEventHub;
  /** Sites allowed to call the API from the widget: `*` or a list of origins; none (`[]`): CORS is off. */
  allowedOrigins: '*' | string[];
  /** Comment lines keeping idle event streams open through proxies. Default 25 s. */
  heartbeatMs?: number;
  /** Request rates and open streams allowed per client. Default {@link DEFAULT_WEB_LIMITS}. */
  limits?: Partial<WebLimits>;
  /** Issues the event streams' tokens. Default: tokens of 2 minutes under a key of this process. */
  streamTokens?: StreamTokens;
}

/**
 * The web chat API as an express router (mount it at the root).
 *
 * @example app.use(webRouter({ delivery, store: assistant.store, hub, allowedOrigins: '*' }));
 */
export function webRouter(deps: WebRouterDeps): Router {
  const router = express.Router();
  const limits = { ...DEFAULT_WEB_LIMITS, ...deps.limits };
  const perSession = perSessionRateLimit(limits);
  const streams = new StreamCaps(limits);
  const tokens = deps.streamTokens ?? new StreamTokens();
  router.use('/api/web', cors(deps.allowedOrigins), perIpRateLimit(limits));
  router.post('/api/web/messages', express.json({ limit: '64kb' }), (req, res, next) => {
    setSessionOf(res, webInboundMessage(req.body).userId);
    next();
  }, perSession, async (req, res) => {
    const message = webInboundMessage(req.body);
    // A database locked by another writer answers 503 with Retry-After (the error handler); the page sends
    // the same messageId again, and the message is processed once.
    const receipt = await deps.delivery.receiveWhenFree(message);
    const turn = await receipt.turn;
    // A failed turn answers with its apology; only a turn with nothing at all to say is an error.
    if (!turn.processed && turn.replies.length === 0) throw new HttpError(500, 'turn_failed', 'the assistant could not answer this message; it has been logged');
    res.json({
      conversationId: receipt.conversationId,
      duplicate: receipt.duplicate,
      replies: turn.replies.map(({ id, text, buttons }) => ({ id, text, buttons })),
    });
  });
  router.get('/api/web/history', withSession, perSession, (req, res) => {
    const conversation = conversationOf(req);
    res.json({ messages: webHistory(deps.store, deps.delivery, conversation), lastEventId: deps.delivery.lastSentId(conversation) });
  });
  router.post('/api/web/events/token', express.json({ limit: '4kb' }), (req, res, next) => {
    setSessionOf(res, checkSessionId((req.body as { sessionId?: unknown } | undefined)?.sessionId));
    next();
  }, perSession, (_req, res) => {
    res.set('Cache-Control', 'no-store').json(tokens.issue(sessionOf(res)!));
  });
  router.get('/api/web/events', (req, res, next) => {
    setSessionOf(res, tokens.sessionOf(req.query.token));
    next();
  }, perSession, (req, res) => {
    const conversation = `${WEB_CHANNEL}:${sessionOf(res)!}`;
    const resumeAfter = Number(req.get('Last-Event-ID') ?? req.query.lastEventId ?? NaN);
    const close = streams.open(conversation, req.ip ?? req.socket.remoteAddress ?? '');
    if (typeof close !== 'function') {
      throw new HttpError(429, 'too_many_streams', `this ${close === 'session' ? 'chat session' : 'address'} has too many event streams open; close a tab or wait`);
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 3000\n\n');
    const write = (reply: { id: number; text: string; buttons: unknown[] }) => {
      res.write(`event: reply\nid: ${reply.id}\ndata: ${JSON.stringify({ id: reply.id, text: reply.text, buttons: reply.buttons })}\n\n`);
    };
    // Listen first, then replay: a reply sent in between arrives twice, and the page drops the copy.
    const unsubscribe = deps.hub.subscribe(conversation, write);
    if (Number.isInteger(resumeAfter) && resumeAfter >= 0) for (const reply of deps.delivery.sentAfter(conversation, resumeAfter)) write(reply);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), deps.heartbeatMs ?? 25_000);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      close();
    });
  });
  return router;
}

/** Reads the `sessionId` of the query for the per-session limit (400 when it is not one). */
const withSession: RequestHandler = (req, res, next) => {
  setSessionOf(res, checkSessionId(req.query.sessionId));
  next();
};

function conversationOf(req: Request): string {
  return `${WEB_CHANNEL}:${checkSessionId(req.query.sessionId)}`;
}

/**
 * CORS for the widget on the salon's own sites (or any, with `*`); answers preflight requests. An origin not
 * listed gets no CORS headers, so its pages' browsers refuse to call the API.
 */
function cors(allowed: '*' | string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('Origin');
    if (origin && (allowed === '*' || allowed.includes(origin))) {
      res.set('Access-Control-Allow-Origin', allowed === '*' ? '*' : origin);
      res.set('Vary', 'Origin');
      res.set('Access-Control-Allow-Headers', 'Content-Type, Last-Event-ID');
      res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.set('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

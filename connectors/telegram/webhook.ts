/**
 * Webhook mode: Telegram POSTs each update with the secret given to `setWebHook` in the
 * `X-Telegram-Bot-Api-Secret-Token` header; a request without the right secret is refused.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header Telegram puts the webhook secret in. */
export const SECRET_TOKEN_HEADER = 'x-telegram-bot-api-secret-token';

/** Telegram's rule for a secret token: 1–256 characters of A–Z, a–z, 0–9, "_" and "-". */
export const SECRET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * True when the header carries exactly the expected secret. Constant-time: both sides are hashed first,
 * so neither the content nor the length of the secret leaks through timing.
 *
 * @example
 * isValidSecretToken(req.headers['x-telegram-bot-api-secret-token'], process.env.TELEGRAM_WEBHOOK_SECRET!);
 */
export function isValidSecretToken(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string' || !expected) return false;
  const a = createHash('sha256').update(header).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A request as express or plain node:http gives it; `body` is set when a JSON parser ran before. */
export type WebhookRequest = IncomingMessage & { body?: unknown };

/**
 * The JSON body of a request: `req.body` when a parser already read it (an object, or a raw Buffer from
 * `express.raw`), otherwise read from the stream (at most `limit` bytes).
 */
export async function readJsonBody(req: WebhookRequest, limit = 1_000_000): Promise<unknown> {
  if (Buffer.isBuffer(req.body)) return JSON.parse(req.body.toString('utf8'));
  if (typeof req.body === 'string') return JSON.parse(req.body);
  if (req.body !== undefined && req.body !== null && typeof req.body === 'object') return req.body;
  return JSON.parse((await readRawBody(req, limit)).toString('utf8'));
}

/** The raw bytes of a request body (at most `limit`), read from the stream. */
export async function readRawBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw new RangeError(`request body over ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Answers with a small JSON body and a status (no framework needed). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

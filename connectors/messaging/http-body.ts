/**
 * Reading a webhook's body and answering it, for the messengers' webhooks (Telegram, WhatsApp) on plain
 * node:http or express.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

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

/**
 * Meta verifies a webhook URL with a GET: `hub.mode=subscribe`, `hub.verify_token=<the token you set>`,
 * `hub.challenge=<a number>`; the endpoint answers 200 with the challenge, or 403.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The answer to a verification request. */
export interface HandshakeAnswer {
  status: 200 | 403;
  body: string;
}

/**
 * Answers the verification GET. The token is compared in constant time.
 *
 * @example
 * verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'coco', 'hub.challenge': '1158201444' }, 'coco');
 * // { status: 200, body: '1158201444' }
 */
export function verifyHandshake(query: Record<string, unknown>, verifyToken: string): HandshakeAnswer {
  const mode = first(query['hub.mode']);
  const token = first(query['hub.verify_token']);
  const challenge = first(query['hub.challenge']);
  if (mode !== 'subscribe' || token === undefined || challenge === undefined || !verifyToken) return { status: 403, body: 'Forbidden' };
  const same = timingSafeEqual(createHash('sha256').update(token).digest(), createHash('sha256').update(verifyToken).digest());
  return same ? { status: 200, body: challenge } : { status: 403, body: 'Forbidden' };
}

function first(value: unknown): string | undefined {
  if (Array.isArray(value)) return first(value[0]);
  return typeof value === 'string' ? value : undefined;
}

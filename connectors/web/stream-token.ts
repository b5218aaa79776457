/**
 * Short-lived tokens that open a session's event stream. `EventSource` cannot send headers, so what opens
 * the stream goes in its URL, and URLs end up in proxy logs and browser history: the session id (which
 * reads the chat and writes in it) must not. A page POSTs its session id for a token (AES-256-GCM of the
 * session id and an expiry, under a key of this process), opaque and useless once expired.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { HttpError } from '../../common';

/** How long a token opens streams (a page reconnecting later asks for a new one). */
export const STREAM_TOKEN_TTL_MS = 120_000;

export interface StreamTokenOptions {
  /** Default {@link STREAM_TOKEN_TTL_MS}. */
  ttlMs?: number;
  /** Wall-clock milliseconds; default `Date.now` (a token's expiry is real time, not the guest's clock). */
  now?: () => number;
  /** 32 bytes; default random per process (tokens do not outlive a restart; pages ask again). */
  key?: Buffer;
}

/**
 * Issues and reads stream tokens.
 *
 * @example
 * const tokens = new StreamTokens();
 * const { token } = tokens.issue('k3j4h5g6f7');
 * tokens.sessionOf(token) // 'k3j4h5g6f7'
 */
export class StreamTokens {
  private readonly key: Buffer;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: StreamTokenOptions = {}) {
    this.key = options.key ?? randomBytes(32);
    this.ttlMs = options.ttlMs ?? STREAM_TOKEN_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** A token for the session, and how many seconds it is good for. */
  issue(sessionId: string): { token: string; expiresIn: number } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const plain = Buffer.from(JSON.stringify({ s: sessionId, e: this.now() + this.ttlMs }), 'utf8');
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { token: sealed.toString('base64url'), expiresIn: Math.floor(this.ttlMs / 1000) };
  }

  /**
   * The session a token was issued for.
   *
   * @throws {HttpError} 401 `invalid_stream_token` for a token this process did not issue (or altered),
   *   `stream_token_expired` for one past its time.
   */
  sessionOf(token: unknown): string {
    const opened = typeof token === 'string' && token.length <= 512 ? this.open(token) : undefined;
    if (!opened) throw new HttpError(401, 'invalid_stream_token', 'the stream token is missing or not one of ours: POST /api/web/events/token for one');
    if (opened.e <= this.now()) throw new HttpError(401, 'stream_token_expired', 'the stream token has expired: POST /api/web/events/token for a new one');
    return opened.s;
  }

  private open(token: string): { s: string; e: number } | undefined {
    const sealed = Buffer.from(token, 'base64url');
    if (sealed.length < 12 + 16 + 1) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      const plain = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
      const value = JSON.parse(plain.toString('utf8')) as { s?: unknown; e?: unknown };
      return typeof value.s === 'string' && typeof value.e === 'number' ? { s: value.s, e: value.e } : undefined;
    } catch {
      return undefined;
    }
  }
}

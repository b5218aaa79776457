/**
 * Webhook mode: Telegram POSTs each update with the secret given to `setWebHook` in the
 * `X-Telegram-Bot-Api-Secret-Token` header; a request without the right secret is refused.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

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

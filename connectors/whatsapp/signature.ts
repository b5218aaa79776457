/**
 * Meta signs each webhook POST: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed
 * with the app secret>`. 360dialog signs its webhook events the same way, keyed with the partner's
 * platform secret, in `x-360dialog-signature`. The check must run on the bytes as received, before any
 * JSON parsing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying Meta's signature. */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

/** The header carrying 360dialog's signature. */
export const D360_SIGNATURE_HEADER = 'x-360dialog-signature';

/**
 * The header value Meta would send for a body (tests and tools).
 *
 * @example
 * signatureOf('{"object":"whatsapp_business_account"}', 'app-secret'); // 'sha256=…'
 */
export function signatureOf(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Meta's "sha256=<64 hex>", or 360dialog's 64 hex digits alone. */
const SIGNATURE_FORM = /^(?:sha256=)?([0-9a-f]{64})$/i;

/**
 * True when the header has the form of a signature (checked before the body is read; the HMAC needs it).
 *
 * @example looksLikeSignature(req.headers['x-hub-signature-256']) // false for a missing header
 */
export function looksLikeSignature(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && SIGNATURE_FORM.test(header.trim());
}

/**
 * True when the header is the HMAC-SHA256 of exactly these bytes with the app secret. Constant-time;
 * a missing, malformed or differently long header is simply false. Never throws.
 *
 * @example
 * isValidSignature(rawBody, req.headers['x-hub-signature-256'], process.env.WHATSAPP_APP_SECRET!);
 */
export function isValidSignature(rawBody: Buffer | string, header: string | string[] | undefined, appSecret: string): boolean {
  if (typeof header !== 'string' || !appSecret) return false;
  // Meta prefixes the hex digest with "sha256="; 360dialog's header is documented as the digest alone.
  const match = SIGNATURE_FORM.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

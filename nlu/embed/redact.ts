/**
 * Keeps a secret (the API key) out of error messages and out of the errors kept as `cause`, which end up
 * in logs. A server may echo the key back (a misconfigured proxy, an "invalid key: …" message).
 */

const MASK = '***';

/** Secrets shorter than this are not redacted: masking every "a" of a message would only garble it. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of `secret` in `text` with "***".
 *
 * @example
 * redactSecret('bad key sk-123456', 'sk-123456') // "bad key ***"
 */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return text;
  return text.split(secret).join(MASK);
}

/**
 * Redacts `secret` in place in an error and its `cause` chain: `message`, `stack`, and an `error` field
 * holding the server's parsed error body (as the openai package's `APIError` has). Returns the error.
 */
export function redactError<E>(error: E, secret: string | undefined): E {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return error;
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const target = current as Error & { error?: unknown };
    target.message = redactSecret(target.message, secret);
    if (target.stack) target.stack = redactSecret(target.stack, secret);
    if (target.error !== undefined) {
      const body = JSON.stringify(target.error);
      if (body !== undefined && body.includes(secret)) target.error = JSON.parse(redactSecret(body, secret));
    }
    current = target.cause;
  }
  return error;
}

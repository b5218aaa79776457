/**
 * Why a network call failed, for error messages. Imports nothing else of the project.
 */

/**
 * The first `code` along the cause chain ("ECONNREFUSED", "ENOTFOUND"), else the innermost cause's
 * message (fetch's "bad port"), since the outer errors of HTTP clients only say "Connection error."
 */
export function networkReason(error: unknown): string | undefined {
  let innermost: string | undefined;
  let current: unknown = (error as { cause?: unknown }).cause;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && code.length > 0) return code;
    if (typeof message === 'string' && message.length > 0) innermost = message;
    current = cause;
  }
  return innermost;
}

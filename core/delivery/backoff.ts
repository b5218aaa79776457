/** How long to wait before the next attempt to send a reply. */

/** Retry settings of the outbox. */
export interface RetryPolicy {
  /** The wait after the first failure; doubled after each further one. */
  baseMs: number;
  /** The longest wait. */
  maxMs: number;
  /** After this many failed attempts the reply is marked failed. */
  maxAttempts: number;
}

/** 1 s, 2 s, 4 s… up to 5 min, 10 attempts (about 20 minutes in all). */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1000, maxMs: 5 * 60_000, maxAttempts: 10 };

/**
 * The wait after `attempts` failed attempts: exponential, capped, and never shorter than what the channel
 * asked for (`retryAfterMs`). Deterministic (no jitter): each conversation's replies go one at a time, so
 * there is no thundering herd to spread.
 *
 * @example backoffDelay(3, DEFAULT_RETRY) // 4000
 */
export function backoffDelay(attempts: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(exponential, retryAfterMs ?? 0);
}

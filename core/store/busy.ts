/**
 * Another writer holding the SQLite file (a backup, `coco bookings` in a shell, a second server). The
 * driver is synchronous: a long `busy_timeout` would freeze every channel on one event loop while it waits.
 * So the server waits briefly inside SQLite ({@link SERVER_BUSY_TIMEOUT_MS}), then yields to the event loop
 * and tries again, up to a bounded total; past it the caller gets a {@link DatabaseBusyError} (the web API
 * answers 503 with `Retry-After`).
 */
import type { Database } from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from './errors';

/** How long one statement waits inside SQLite for the lock before it fails with SQLITE_BUSY. */
export const SERVER_BUSY_TIMEOUT_MS = 50;

/** How long to keep trying a write while the database is locked, and what to tell a client after. */
export interface BusyPolicy {
  /** A write gives up once this much time has gone by since its first try. */
  totalMs: number;
  /** The least time the event loop is free between two tries, of any writer (a try blocks it up to {@link SERVER_BUSY_TIMEOUT_MS}). */
  pauseMs: number;
  /** What a client is told to wait before sending again (the `Retry-After` header). */
  retryAfterSeconds: number;
}

export const DEFAULT_BUSY_POLICY: BusyPolicy = { totalMs: 2000, pauseMs: 50, retryAfterSeconds: 2 };

/** The database stayed locked by another writer for the whole of a {@link BusyPolicy}'s time. Nothing was written. */
export class DatabaseBusyError extends StoreError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly waitedMs: number,
    cause?: unknown,
  ) {
    super(`the database is locked by another writer (waited ${Math.round(waitedMs)} ms)`, {
      hint: 'try again shortly; if it lasts, look for a process holding a write transaction on the COCO_DB file',
      cause,
    });
  }
}

/**
 * True for SQLite's "locked by another connection" (SQLITE_BUSY and its extended codes) and for a
 * {@link DatabaseBusyError}.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Makes a connection wait {@link SERVER_BUSY_TIMEOUT_MS} for a lock (the server's setting; the CLI waits longer). */
export function useShortBusyTimeout(db: Database): void {
  db.pragma(`busy_timeout = ${SERVER_BUSY_TIMEOUT_MS}`);
}

/**
 * Tries writes again while the database is locked, for every writer of one database: the tries of all of
 * them take turns, each in its own slot followed by a free pause, so ten waiting messages block the event
 * loop no more than one does.
 *
 * @example
 * const busy = new BusyRetry(DEFAULT_BUSY_POLICY);
 * const receipt = await busy.run(() => delivery.receive(message));
 */
export class BusyRetry {
  /** When the next try of any writer may start (a monotonic time, not the injected clock: this measures waiting). */
  private nextTryAt = 0;

  constructor(readonly policy: BusyPolicy) {}

  /**
   * Runs `work`, again while it fails because the database is locked, until it succeeds or the policy's
   * time is up. Any other error is thrown at once. `work` must write nothing when it fails (one statement,
   * or one transaction).
   *
   * @throws {DatabaseBusyError} when the database stayed locked.
   */
  async run<T>(work: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    for (;;) {
      try {
        return await work();
      } catch (error) {
        if (error instanceof DatabaseBusyError || !isDatabaseBusy(error)) throw error;
        const now = performance.now();
        const at = Math.max(now + this.policy.pauseMs, this.nextTryAt);
        if (at - started > this.policy.totalMs) throw new DatabaseBusyError(this.policy.retryAfterSeconds, now - started, error);
        this.nextTryAt = at + SERVER_BUSY_TIMEOUT_MS + this.policy.pauseMs;
        await sleep(at - now);
      }
    }
  }
}

/**
 * Idempotent writes of the demo CRM: a write done under an idempotency key stores its result in
 * `crm_idempotency` in the same transaction, so a replay with the key returns that result and writes
 * nothing (see `WriteOptions`).
 */
import type { Database } from 'better-sqlite3';
import { CrmError } from '../errors';

/** The demo CRM's writes, as they are named in `crm_idempotency.operation`. */
export type WriteOperation = 'createBooking' | 'moveBooking' | 'cancelBooking' | 'addServices' | 'createComplaintTicket' | 'updateComplaintTicket';

/** Runs `write` once per key; call it inside the write's own transaction. */
export type OnceRunner = <T>(operation: WriteOperation, key: string | undefined, write: () => T) => T;

/**
 * The runner over a database with the `crm_idempotency` table.
 *
 * @example
 * const once = idempotentWrites(db, clock);
 * db.transaction(() => once('cancelBooking', 'web:s1/m7/cancel/cancel_booking', () => cancel('B5'))).immediate();
 */
export function idempotentWrites(db: Database, clock: () => Date): OnceRunner {
  const done = db.prepare<[string], { operation: string; result: string }>('SELECT operation, result FROM crm_idempotency WHERE key = ?');
  const remember = db.prepare<[string, string, string, number]>('INSERT INTO crm_idempotency (key, operation, result, created_ms) VALUES (?, ?, ?, ?)');
  return <T>(operation: WriteOperation, key: string | undefined, write: () => T): T => {
    if (key === undefined) return write();
    const first = done.get(key);
    if (first) {
      if (first.operation !== operation) {
        throw new CrmError(`the idempotency key "${key}" was used for ${first.operation}, not ${operation}`, { hint: 'derive one key per write: the message, the flow and the step' });
      }
      return JSON.parse(first.result) as T;
    }
    const result = write();
    remember.run(key, operation, JSON.stringify(result), clock().getTime());
    return result;
  };
}

/**
 * Button payloads that do not fit a channel's limit (Telegram's `callback_data` is at most 64 bytes)
 * travel as a short key; the table maps the key back to the payload when the button is pressed.
 *
 * The key is a hash of the payload, so rendering the same payload again (after a restart, too) gives
 * the same key; a durable table (the server's SQLite) makes old buttons work across restarts.
 */
import { createHash } from 'node:crypto';
import { BoundedMemo } from '../../common';

/** Where long payloads are kept by key. The in-memory one is the default; the server may pass a durable one. */
export interface PayloadTable {
  put(key: string, payload: string): void;
  get(key: string): string | undefined;
}

/** Marks a key in place of a payload. Engine payloads start with "/", so a key never looks like one. */
export const PAYLOAD_KEY_PREFIX = '#';

/**
 * A bounded in-memory {@link PayloadTable}: the least recently used keys are dropped beyond `maxEntries`.
 */
export class MemoryPayloadTable implements PayloadTable {
  private readonly entries: BoundedMemo<string, string>;

  constructor(maxEntries = 10_000) {
    this.entries = new BoundedMemo(maxEntries);
  }

  put(key: string, payload: string): void {
    this.entries.set(key, payload);
  }

  get(key: string): string | undefined {
    return this.entries.get(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * The payload itself when it fits `maxBytes` (UTF-8), otherwise a short key (kept in `table`).
 *
 * @example
 * encodePayload('/slot branch=tverskaya', table, 64); // '/slot branch=tverskaya'
 * encodePayload('/slot slot=' + 'x'.repeat(80), table, 64); // '#Qm9…' (23 characters)
 */
export function encodePayload(payload: string, table: PayloadTable, maxBytes: number): string {
  if (Buffer.byteLength(payload, 'utf8') <= maxBytes && !payload.startsWith(PAYLOAD_KEY_PREFIX)) return payload;
  const key = PAYLOAD_KEY_PREFIX + createHash('sha256').update(payload).digest('base64url').slice(0, 22);
  table.put(key, payload);
  return key;
}

/**
 * The payload a pressed button stands for; undefined when it was a key the table no longer knows.
 */
export function decodePayload(data: string, table: PayloadTable): string | undefined {
  if (!data.startsWith(PAYLOAD_KEY_PREFIX)) return data;
  return table.get(data);
}

import { createHash } from 'node:crypto';
import type { FlowDefinition } from './types';

/** Fields that say where a flow is written, not what it does: a comment moving a line keeps the hash. */
const PLACEMENT = new Set(['line', 'file']);

/**
 * A short fingerprint of what a flow does: its steps, their ids, order and wiring. A persisted frame
 * carries the hash of the flow it was saved by, so a restore can tell that the flow changed since.
 *
 * @example flowHash(definition) // 'a3f1c09e5b7d2e41'
 */
export function flowHash(definition: FlowDefinition): string {
  return createHash('sha256').update(canonical(definition)).digest('hex').slice(0, 16);
}

/** JSON with sorted keys and without placement fields, so equal flows give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => !PLACEMENT.has(key) && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

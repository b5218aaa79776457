/**
 * Idempotency keys of the flows' writes. The dialogue engine runs each turn inside a write-key scope
 * named after the inbound message (`<conversation>/<message id>`); an action step that runs in it gets
 * `<scope>/<flow>/<step>` (and `/2`, `/3` when the same step runs again in the same turn). Replaying the
 * same message after a crash therefore gives every write the key it had the first time, and the CRM
 * returns the first result instead of writing again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface WriteKeyScope {
  base: string;
  runs: Map<string, number>;
}

const scopes = new AsyncLocalStorage<WriteKeyScope>();

/**
 * Runs a turn with write keys derived from `base` (the conversation and the inbound message).
 *
 * @example await withWriteKeys('web:s1/m7', () => engine.turn(message));
 */
export function withWriteKeys<T>(base: string, work: () => Promise<T>): Promise<T> {
  return scopes.run({ base, runs: new Map() }, work);
}

/**
 * The key of a write by `flow`'s step `step` in the current turn; undefined outside a turn's scope
 * (a test running an action on its own).
 *
 * @example writeKeyFor('booking', 'createBooking') // 'web:s1/m7/booking/createBooking'
 */
export function writeKeyFor(flow: string, step: string): string | undefined {
  const scope = scopes.getStore();
  if (!scope) return undefined;
  const at = `${flow}/${step}`;
  const run = (scope.runs.get(at) ?? 0) + 1;
  scope.runs.set(at, run);
  return `${scope.base}/${at}${run > 1 ? `/${run}` : ''}`;
}

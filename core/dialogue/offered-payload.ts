import type { Button } from '../../common';

/** Payloads a guest may send whatever was offered: asking for a person is always possible. */
const ALWAYS_ACCEPTED = new Set(['/handover']);

/** How many payloads of the running flows are remembered (a guest pressing an older message's button). */
const REMEMBERED = 200;

/**
 * Whether a pressed payload is one the assistant offered: on its last turn, or earlier while the flows
 * now running ran (a guest correcting an answer by pressing another button of an earlier message). A
 * payload is untrusted input (any client can send any string): only the exact payload of a button the
 * assistant showed in this conversation, or one of `ALWAYS_ACCEPTED`, may fill a slot or steer a flow.
 *
 * @example
 * isOfferedPayload('/slot branch=tverskaya', [{ title: 'Тверская', payload: '/slot branch=tverskaya' }]); // true
 * isOfferedPayload('/slot client="C2"', [{ title: 'Тверская', payload: '/slot branch=tverskaya' }]); // false
 */
export function isOfferedPayload(payload: string, offered: readonly Button[] | undefined, earlier: readonly string[] = []): boolean {
  const pressed = payload.trim();
  if (ALWAYS_ACCEPTED.has(pressed)) return true;
  return (offered ?? []).some((button) => button.payload.trim() === pressed) || earlier.includes(pressed);
}

/**
 * The payloads remembered after a turn: those offered while flows run, newest last; none once no flow
 * runs (an old button of a finished booking is not an answer to anything).
 */
export function rememberOffered(earlier: readonly string[] | undefined, shown: readonly Button[], flowsRunning: boolean): string[] {
  if (!flowsRunning) return [];
  const payloads = [...(earlier ?? []), ...shown.map((button) => button.payload.trim())];
  return [...new Set(payloads.reverse())].reverse().slice(-REMEMBERED);
}

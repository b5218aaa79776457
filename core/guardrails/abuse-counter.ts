/**
 * Repeated abuse within one conversation: the first time a calm boundary, then a handover. The count
 * lives in the conversation state the caller persists (a plain JSON object), so it survives restarts.
 */
import { GUARDRAIL_RESPONSES } from './replies';

/** How many abusive messages the guest sent in this conversation; keep it in the conversation state. */
export interface AbuseCount {
  count: number;
}

/** By default the second abusive message hands the conversation over. */
export const DEFAULT_ABUSE_HANDOVER_AFTER = 2;

/** What to do about an abusive message. */
export interface AbuseDecision {
  /** The count to store back into the conversation state. */
  count: AbuseCount;
  /** The response to say: the boundary, or the handover notice. */
  response: typeof GUARDRAIL_RESPONSES.abuse | typeof GUARDRAIL_RESPONSES.abuseHandover;
  /** True when the conversation goes to an administrator now. */
  handover: boolean;
}

/**
 * Counts one more abusive message. Pure: returns a new count, never changes the one given.
 *
 * @param previous  the count from the conversation state (undefined the first time).
 * @param options.handoverAfter  the abusive message that triggers the handover (default 2: the second).
 * @example
 * const first = registerAbuse(undefined);        // { count: { count: 1 }, response: 'abuse_boundary', handover: false }
 * const second = registerAbuse(first.count);     // { count: { count: 2 }, response: 'abuse_handover', handover: true }
 */
export function registerAbuse(previous: AbuseCount | undefined, options: { handoverAfter?: number } = {}): AbuseDecision {
  const before = Number.isInteger(previous?.count) && previous!.count > 0 ? previous!.count : 0;
  const count = before + 1;
  const after = Math.max(1, Math.trunc(options.handoverAfter ?? DEFAULT_ABUSE_HANDOVER_AFTER));
  const handover = count >= after;
  return { count: { count }, response: handover ? GUARDRAIL_RESPONSES.abuseHandover : GUARDRAIL_RESPONSES.abuse, handover };
}

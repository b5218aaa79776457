import type { Reply } from '../../common';
import type { Entity, IntentScore } from '../../nlu';

/** Something that happened during a turn, for tests, coverage and logs. */
export type TurnEvent =
  | { type: 'flow_started'; flow: string }
  | { type: 'flow_completed'; flow: string }
  | { type: 'flow_interrupted'; flow: string; by: string }
  | { type: 'flow_resumed'; flow: string }
  | { type: 'flow_stopped'; flow: string }
  /** The flow was edited since the conversation stood in it: it started again with the slots it kept. */
  | { type: 'flow_restarted'; flow: string }
  | { type: 'action'; action: string; ok: boolean }
  | { type: 'handover'; reason: string }
  | { type: 'digression'; intent: string }
  | { type: 'fallback'; level: number }
  /** A button payload that was not among the buttons just offered: nothing of it was used. */
  | { type: 'payload_refused'; payload: string };

/** What one turn produced: the replies and where the conversation stands. */
export interface TurnResult {
  conversationId: string;
  replies: Reply[];
  /** The intent the turn was understood as (after payloads and the fallback threshold), or null. */
  intent: string | null;
  confidence: number;
  entities: Entity[];
  ranking: IntentScore[];
  /** The active flow after the turn, or null. */
  flow: string | null;
  /** The slot the active flow waits for, or null. */
  awaiting: string | null;
  /** The active flow's slots, or those of the flow that just finished. */
  slots: Record<string, unknown>;
  handedOver: boolean;
  events: TurnEvent[];
}

import type { InboundMessage } from '../../../common';
import type { ConversationState } from '../../store';
import type { DialogueDeps } from '../deps';
import type { FlowStack } from '../flow-stack';
import type { TurnOutput } from '../turn-output';
import type { Understanding } from '../understand';

/** What a question the assistant asked of its own waits for: to come back to a flow, to stop one, a clarification. */
export type Pending = { kind: 'resume'; flow: string } | { kind: 'confirm_stop'; flow: string } | { kind: 'clarify' } | null;

/** One turn as the commands see it: the message understood, the conversation, its flows and the replies. */
export interface TurnContext {
  readonly deps: DialogueDeps;
  readonly message: InboundMessage;
  readonly u: Understanding;
  readonly state: ConversationState;
  readonly stack: FlowStack;
  readonly turn: TurnOutput;
}

/** Logs through the engine's logger, when it has one. */
export function logTurn(ctx: TurnContext, level: 'info' | 'warn', event: string, fields: Record<string, unknown>): void {
  ctx.deps.log?.[level](event, fields);
}

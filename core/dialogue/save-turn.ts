/**
 * The end of a turn: where the conversation stands (flows, buttons offered, what the guest named) and
 * the turn's messages, saved in one transaction, and the turn's result for the channel.
 */
import type { Button, InboundMessage } from '../../common';
import type { ConversationState, ConversationStore, LoggedButton } from '../store';
import { namedThings } from './back-reference';
import type { DialogueDeps } from './deps';
import type { GuardNote } from './guard';
import { rememberOffered } from './offered-payload';
import type { FlowStack } from './flow-stack';
import type { TurnOutput } from './turn-output';
import type { TurnEvent, TurnResult } from './types';
import type { Understanding } from './understand';

/** A stored conversation as the turn loaded it (null: a new one). */
export type StoredConversation = ReturnType<ConversationStore['load']>;

export interface FinishedTurn {
  message: InboundMessage;
  state: ConversationState;
  stored: StoredConversation;
  u: Understanding;
  stack: FlowStack;
  turn: TurnOutput;
  handedOver: boolean;
  guard?: GuardNote;
}

/** Saves the turn (state and messages in one transaction) and returns its result. */
export function saveTurn(deps: Pick<DialogueDeps, 'clock' | 'store'>, args: FinishedTurn): TurnResult {
  const { message, state, stored, u, stack, turn, handedOver, guard } = args;
  const now = deps.clock();
  state.stack = stack.frames();
  // Buttons of this turn: the guest may answer by typing a button's number or title.
  state.lastButtons = turn.replies.flatMap((r) => r.buttons);
  // Payloads offered while the flows run: the only ones a pressed button may send (see isOfferedPayload).
  state.offered = rememberOffered(state.offered as string[] | undefined, state.lastButtons as Button[], stack.depth > 0);
  state.turn = (state.turn ?? 0) + 1;
  state.conversation = stack.conversationInfo;
  // What the guest named last, for a later «на него»; a message that names nothing keeps the memory.
  const named = u.payload ? [] : namedThings(u.entities);
  if (named.length > 0) state.mentioned = named;
  const awaiting = stack.awaiting();
  const slots = stack.top ? stack.slots() : (stack.lastOutput?.slots ?? {});
  const at = now.toISOString();
  const key = { channel: message.channel, userId: message.userId };
  const events = [...stack.events, ...turn.events] as TurnEvent[];
  const saved = deps.store.saveTurn(
    key,
    stored?.version ?? null,
    state,
    [
      {
        direction: 'in', at, text: message.text, payload: message.payload, attachments: message.attachments, messageId: message.messageId,
        parse: { intent: { name: u.intent, confidence: u.confidence }, entities: u.entities, ranking: u.ranking.slice(0, 5) },
        ...(guard ? { meta: { guard } } : {}),
      },
      ...turn.replies.map((reply) => {
        const meta = turn.metaOf(reply);
        return { direction: 'out' as const, at, text: reply.text, buttons: reply.buttons as LoggedButton[], response: reply.response, ...(meta ? { meta } : {}) };
      }),
    ],
    { flow: stack.top, awaiting, slots, meta: { events, handedOver, ...(guard ? { guard } : {}) } },
  );
  return {
    conversationId: saved.id,
    replies: turn.replies,
    intent: u.intent,
    confidence: u.confidence,
    entities: u.entities,
    ranking: u.ranking,
    flow: stack.top,
    awaiting,
    slots,
    handedOver,
    events,
  };
}

/**
 * What names a message in its write keys: its own id; without one (the terminal, tests), the turn it
 * starts, with the conversation's creation time (a conversation started again on the same id is another).
 */
export function messageKey(message: InboundMessage, stored: StoredConversation): string {
  if (message.messageId) return `m:${message.messageId}`;
  return `turn:${stored?.createdAt ?? 'new'}:${(stored?.state.turn ?? 0) + 1}`;
}

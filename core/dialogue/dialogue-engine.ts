import type { Button, InboundMessage } from '../../common';
import { FLOW_RESTARTED_RESPONSE, withWriteKeys, type ConversationInfo } from '../flow-machines';
import { conversationId, emptyConversationState, KeyedMutex, type ConversationState } from '../store';
import { applyCommands, type Pending, type TurnContext } from './commands';
import type { DialogueDeps } from './deps';
import { FlowStack } from './flow-stack';
import { applyGuardrail, guardInbound, guardNote } from './guard';
import { interpret, readMessage, withPressedButton } from './interpret';
import { understandLong } from './long-message';
import { rephraseReplies } from './rephrase-replies';
import { offerResume } from './resume-offer';
import { messageKey, saveTurn, type FinishedTurn, type StoredConversation } from './save-turn';
import { turnLlm } from './turn-llm';
import { TurnOutput } from './turn-output';
import type { TurnResult } from './types';
import { parsePayload, understand } from './understand';

export type { VariableBuilder } from './turn-output';
export type { DialogueDeps } from './deps';

/**
 * The turn pipeline: checks a message against the guardrails (length, health, abuse, injection),
 * understands it, interprets it in its context as typed commands (`interpret/`) and applies them to the
 * flows (`commands/`), renders the replies — FAQ answers grounded by the LLM and marked replies reworded
 * by it, when one is configured and the guardrails let it in, within one time budget per turn — and
 * saves the conversation: state and message log in one transaction. Turns of one conversation run one
 * at a time, in arrival order.
 */
export class DialogueEngine {
  private readonly mutex = new KeyedMutex();

  constructor(private readonly deps: DialogueDeps) {}

  /**
   * Handles one inbound message and returns the assistant's turn. The turn's CRM writes carry keys named
   * after the message (see `withWriteKeys`): the same message handled again writes nothing twice.
   */
  handle(message: InboundMessage): Promise<TurnResult> {
    return this.mutex.run(conversationId(message), () => {
      const stored = this.deps.store.load({ channel: message.channel, userId: message.userId });
      return withWriteKeys(`${conversationId(message)}/${messageKey(message, stored)}`, () => this.turn(message, stored));
    });
  }

  private async turn(message: InboundMessage, stored: StoredConversation): Promise<TurnResult> {
    const { deps } = this;
    const now = deps.clock();
    // `load` returns a freshly parsed copy, so the turn may change it in place.
    const state: ConversationState = stored ? stored.state : emptyConversationState();
    const id = conversationId(message);
    const conversation: ConversationInfo = {
      id,
      channel: message.channel,
      userId: message.userId,
      ...((state.conversation as Partial<ConversationInfo>) ?? {}),
      ...(message.userName ? { name: message.userName } : {}),
      // What the channel vouches for is kept: a Telegram contact is shared once.
      ...(message.verifiedPhone ? { verifiedPhone: message.verifiedPhone } : {}),
    };
    // Every text passes the guardrails before the NLU: later stages read it as capped.
    // (A payload that is not ours is read as text, so it is checked as text too.)
    const verdict = guardInbound(message.text ?? (parsePayload(message.payload) ? undefined : message.payload));
    const guard = guardNote(verdict);
    const read = verdict ? { ...message, text: verdict.text } : message;
    const pressed = withPressedButton(read, state.lastButtons as Button[] | undefined);
    const u = verdict?.truncated && !pressed.payload
      ? await understandLong(deps.nlu, { whole: verdict.kind === 'injection' ? verdict.text : (message.text ?? ''), capped: verdict.text, isRequest: (intent) => deps.flows.byIntent.has(intent) }, now)
      : await understand(deps.nlu, pressed, now);
    const stack = new FlowStack(deps.flows, state.stack, conversation, deps.inspect);
    // A flow edited since the last turn may no longer have the step the conversation stood at: it starts
    // again with what it kept, and the guest hears why once (below).
    await stack.restore();
    for (const failure of stack.restoreFailures) this.log('warn', 'flow.restore_failed', { conversation: id, flow: failure.flow, reason: failure.reason, err: failure.cause });
    const turn = new TurnOutput(this.deps, conversation, now, state.turn);
    const finished: FinishedTurn = { message, state, stored, u, stack, turn, handedOver: true, guard };

    // Staff are talking to the guest: log the message, answer nothing.
    if (state.handedOver) return saveTurn(deps, finished);
    if (guard) this.log('info', 'guard.flag', { conversation: id, ...guard });
    // The LLM only takes part in a turn the guardrails have nothing against.
    if (verdict?.kind === undefined || verdict.kind === 'ok') turn.llm = turnLlm(deps.llm, deps.store, id);
    const ctx: TurnContext = { deps, message: pressed, u, state, stack, turn };
    if (!(await applyGuardrail(verdict, state, stack, turn))) await this.decideAndApply(ctx);

    // What the flows said becomes replies; a handover ends the flows and tells the guest when staff answer.
    for (const said of stack.said) {
      if (said.type === 'say') await turn.say(said);
      if (said.type === 'handover') state.handedOver = { reason: said.reason, at: now.toISOString() };
    }
    if (turn.handover && !state.handedOver) {
      state.handedOver = { reason: turn.handover, at: now.toISOString() };
      turn.events.push({ type: 'handover', reason: turn.handover });
      await turn.respond(turn.handoverNotice ?? 'handover_sensitive');
    }
    if (state.handedOver) {
      stack.clear();
      state.pending = null;
    } else if (stack.depth > 0 && !stack.returnedToInterrupted && stack.said.some((s) => s.type === 'say') === false && turn.replies.length === 0 && stack.awaiting()) {
      await stack.send({ type: 'REPEAT' });
      for (const said of stack.said) if (said.type === 'say') await turn.say(said);
    }
    // A flow finished over an interrupted one: offer to come back to it.
    if (!state.handedOver && stack.returnedToInterrupted && state.pending === null) offerResume(ctx);
    if (!state.handedOver && stack.events.some((e) => e.type === 'flow_restarted')) turn.prepend(FLOW_RESTARTED_RESPONSE);
    // An administrator reads the whole message; the guest is told only when the assistant answers.
    if (verdict?.truncated && !state.handedOver) turn.prepend('message_too_long');
    // A handover's texts are said as written: an administrator takes over from them.
    if (turn.llm && !state.handedOver) {
      const outcomes = await rephraseReplies(turn, turn.llm, deps.responses, u.text);
      for (const outcome of outcomes) {
        this.log('info', 'llm.rephrase', { conversation: id, key: outcome.key, source: outcome.source, reason: outcome.reason, missing: outcome.missing?.length, model: outcome.model });
      }
    }
    return saveTurn(deps, { ...finished, handedOver: state.handedOver !== null });
  }

  /**
   * Reads the message in its context, interprets it as commands and applies them. The assistant's own
   * pending question is answered by this message or not at all — except when a button it never offered
   * was pressed: that changes nothing, the question included.
   */
  private async decideAndApply(ctx: TurnContext): Promise<void> {
    const pending = (ctx.state.pending ?? null) as Pending;
    const commands = interpret(readMessage(ctx, pending));
    if (commands[0]?.kind !== 'refuse_button') ctx.state.pending = null;
    await applyCommands(commands, ctx);
  }

  private log(level: 'info' | 'warn', event: string, fields: Record<string, unknown>): void {
    this.deps.log?.[level](event, fields);
  }
}

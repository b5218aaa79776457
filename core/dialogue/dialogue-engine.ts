import type { Nlu, Clock, Entity } from '../../nlu';
import type { FaqBase } from '../faq';
import type { LlmLayer } from '../llm';
import { type Logger, type Button, type InboundMessage } from '../../common';
import { FLOW_RESTARTED_RESPONSE, withWriteKeys, type ConversationInfo, type FlowRegistry, type FlowSet } from '../flow-machines';
import type { Responses } from '../responses';
import { conversationId, emptyConversationState, KeyedMutex, type ConversationState, type ConversationStore, type LoggedButton } from '../store';
import { answerFaq } from './answer-faq';
import { namedThings, withBackReferences } from './back-reference';
import { saysOnlyEntities } from './entity-only';
import { FlowStack, type FlowInspector } from './flow-stack';
import { applyGuardrail, guardInbound, guardNote, type GuardNote } from './guard';
import { rephraseReplies } from './rephrase-replies';
import { isOfferedPayload, rememberOffered } from './offered-payload';
import { onlyHesitates, slotValuesFor } from './slot-values';
import { isValueAnswer } from './value-answer';
import { turnLlm } from './turn-llm';
import { TurnOutput, type VariableBuilder } from './turn-output';
import type { TurnEvent, TurnResult } from './types';
import { parsePayload, understand, type Understanding } from './understand';

export type { VariableBuilder } from './turn-output';

export interface DialogueDeps {
  nlu: Nlu;
  flows: FlowSet;
  registry: FlowRegistry;
  responses: Responses;
  faq?: FaqBase;
  store: ConversationStore;
  clock: Clock;
  variables: VariableBuilder;
  /** Below this an intent does not switch flows or start one. Default: the NLU's fallback threshold. */
  switchThreshold?: number;
  /** Sees the XState inspection events of every flow (flow coverage of transcript tests). */
  inspect?: FlowInspector;
  /**
   * The LLM layer (grounded FAQ answers, brand-voice rephrasing). Absent or without a model: every
   * answer is deterministic and no request is ever made.
   */
  llm?: LlmLayer;
  /** Where FAQ grounding, rephrasing and guardrail flags are logged. Default: nowhere. */
  log?: Logger;
}

/** Intents answered in passing: the pending question is asked again after them. */
const DIGRESSIONS = new Set(['faq', 'greet', 'thanks', 'goodbye', 'out_of_scope']);
/** Intents that never start or switch a flow: they answer the flow's questions. */
const ANSWERS = new Set(['inform', 'affirm', 'deny', 'nlu_fallback']);
/** The intent whose flow books a visit: a message naming only what to book starts it. */
const BOOKING_INTENT = 'booking';
/** Intents the clarification may offer as buttons. */
const OFFERABLE = (intent: string, flows: FlowSet) => flows.byIntent.has(intent) || intent === 'faq';

type Pending = { kind: 'resume'; flow: string } | { kind: 'clarify' } | null;

/**
 * The turn pipeline: checks a message against the guardrails (length, health, abuse, injection),
 * understands it, decides what it means for the conversation (start a flow, fill the awaited slot,
 * correct an earlier one, digress, switch, stop, clarify, hand over), runs the flows, renders the
 * replies — FAQ answers grounded by the LLM and marked replies reworded by it, when one is configured
 * and the guardrails let it in, within one time budget per turn — and saves the conversation: state and
 * message log in one transaction. Turns of one conversation run one at a time, in arrival order.
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

  private async turn(message: InboundMessage, stored: ReturnType<ConversationStore['load']>): Promise<TurnResult> {
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
    const offered = state.lastButtons as Button[] | undefined;
    const pressed = withPressedButton(read, offered);
    const u = await understand(deps.nlu, pressed, now);
    const stack = new FlowStack(deps.flows, state.stack, conversation, deps.inspect);
    // A flow edited since the last turn may no longer have the step the conversation stood at: it starts
    // again with what it kept, and the guest hears why once (below).
    await stack.restore();
    for (const failure of stack.restoreFailures) this.log('warn', 'flow.restore_failed', { conversation: id, flow: failure.flow, reason: failure.reason, err: failure.cause });
    const turn = new TurnOutput(this.deps, conversation, now, state.turn);

    if (state.handedOver) {
      // Staff are talking to the guest: log the message, answer nothing.
      return this.finish({ message, state, stored, u, stack, turn, handedOver: true, guard });
    }
    if (guard) this.log('info', 'guard.flag', { conversation: id, ...guard });
    // The LLM only takes part in a turn the guardrails have nothing against.
    if (verdict?.kind === undefined || verdict.kind === 'ok') turn.llm = turnLlm(deps.llm, deps.store, id);
    if (!(await applyGuardrail(verdict, state, stack, turn))) {
      if (u.payload && !isOfferedPayload(pressed.payload!, offered, state.offered as string[] | undefined)) await this.refusePayload(pressed.payload!, offered, stack, turn);
      else await this.decide(u, message, state, stack, turn);
    }

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
    if (!state.handedOver && stack.returnedToInterrupted && state.pending === null) {
      // A flow finished over an interrupted one: offer to come back to it.
      this.offerResume(state, stack, turn);
    }
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
    return this.finish({ message, state, stored, u, stack, turn, handedOver: state.handedOver !== null, guard });
  }

  private async decide(u: Understanding, message: InboundMessage, state: ConversationState, stack: FlowStack, turn: TurnOutput): Promise<void> {
    const { flows } = this.deps;
    const threshold = this.deps.switchThreshold ?? this.deps.nlu.fallbackThreshold;
    const confident = !u.lowConfidence && u.confidence >= threshold;
    const pending = (state.pending ?? null) as Pending;
    state.pending = null;

    // 1. An answer to "shall we come back to …?"
    if (pending?.kind === 'resume' && stack.top === pending.flow) {
      if (u.payload?.kind === 'resume' ? u.payload.yes : u.intent === 'affirm' && confident) {
        stack.events.push({ type: 'flow_resumed', flow: pending.flow });
        await stack.send({ type: 'REPEAT' });
        return;
      }
      if (u.payload?.kind === 'resume' ? !u.payload.yes : (u.intent === 'deny' || u.intent === 'stop') && confident) {
        stack.stopTop();
        await turn.respond('how_can_we_help');
        return;
      }
      // Anything else: the interrupted flow is active again and takes the message below.
      stack.events.push({ type: 'flow_resumed', flow: pending.flow });
    }

    // 2. Handing over, from a button or the intent, wherever the conversation is.
    if (u.payload?.kind === 'handover' || (u.intent === 'handover' && confident)) {
      await this.switchTo('handover', u, message, stack);
      return;
    }

    const active = stack.top;
    if (active) {
      const definition = flows.definitions.get(active)!;
      const awaiting = stack.awaiting();
      // The answer to the question asked wins over any intent: «не важно» at the master question is «любой».
      const valueAnswer = u.payload === undefined && awaiting !== null && isValueAnswer(flows.slots.get(awaiting), u.text);
      // 3. "стоп", "передумала": end the flow politely (a bare «ой» is a sound, not a stop).
      if (u.intent === 'stop' && confident && u.payload?.kind !== 'slot' && !onlyHesitates(u.text) && !valueAnswer) {
        stack.stopTop();
        await turn.respond('stopped');
        if (stack.top) this.offerResume(state, stack, turn);
        return;
      }
      // A confident question or request is not the guest's name, however short.
      const freeText = !confident || ANSWERS.has(u.intent);
      const values = slotValuesFor(definition, flows.slots, u, { awaiting, attachments: message.attachments, freeText, current: stack.slots(), pickers: this.deps.registry.pickers });
      const freeTextAwaited = awaiting !== null && flows.slots.get(awaiting)?.fromText === true && values[awaiting] !== undefined;
      const intentFlow = u.payload?.kind === 'intent' || confident ? flows.byIntent.get(u.intent) : undefined;
      // A bare "маникюр" while a complaint asks about the visit answers it (also while the complaint's
      // identification asks the phone); "запишите на маникюр" is a request.
      const forCaller = this.valuesForCaller(stack, u, values);
      const answersOnly = u.payload === undefined && saysOnlyEntities(u.text, u.entities) && (Object.keys(values).length > 0 || Object.keys(forCaller).length > 0);
      // 4. Another flow's intent interrupts this one (it is offered again afterwards).
      if (intentFlow && intentFlow !== active && !ANSWERS.has(u.intent) && !freeTextAwaited && !answersOnly && !valueAnswer && u.payload?.kind !== 'slot') {
        stack.events.push({ type: 'flow_interrupted', flow: active, by: intentFlow });
        await this.switchTo(intentFlow, u, message, stack, state.mentioned as Entity[] | undefined);
        return;
      }
      // 5. A question in passing is answered, then the pending question is asked again. A greeting's
      // entities may still fill slots; a question's do not ("сколько стоит педикюр?" chooses nothing).
      // «а можно на патриках?» names only what the flow asks: an answer, however it is punctuated.
      if (DIGRESSIONS.has(u.intent) && confident && !freeTextAwaited && !onlyHesitates(u.text) && !answersOnly && !valueAnswer) {
        stack.events.push({ type: 'digression', intent: u.intent });
        const filling = u.intent !== 'faq' && Object.keys(values).length > 0;
        if (!filling) await this.answerDigression(u, turn);
        // A question only an administrator may answer ends the flows: nothing is asked after it.
        if (turn.handover) return;
        await stack.send(filling ? { type: 'SLOTS', values } : { type: 'REPEAT' });
        return;
      }
      // Answers for the flow that called this one (the complaint's salon while identify asks the phone)
      // are kept for it, and it gets them when the called flow returns.
      if (Object.keys(forCaller).length > 0) stack.carryToCaller(forCaller);
      // 6. Values for the awaited slot, later ones (given early) or earlier ones (a correction).
      if (Object.keys(values).length) {
        await stack.send({ type: 'SLOTS', values });
        return;
      }
      // 7. Nothing usable: the flow asks again (and gives up after its attempts; the calling flow then
      // goes on with what was carried to it).
      await stack.send({ type: 'NO_VALUE' });
      return;
    }

    // No flow is running. «а к олечке можно?», «маникюр с дизайном?»: a message that names only a service or
    // a master (whatever the classifier calls it) asks to book them.
    const namesWhatToBook = u.payload === undefined && ANSWERS.has(u.intent) && saysOnlyEntities(u.text, u.entities)
      && u.entities.some((e) => (e.entity === 'service' || e.entity === 'master') && (e.confidence ?? 1) >= 0.7);
    const startFlow = (u.payload?.kind === 'intent' || confident ? flows.byIntent.get(u.intent) : undefined) ?? (namesWhatToBook ? flows.byIntent.get(BOOKING_INTENT) : undefined);
    if (startFlow) {
      state.fallbacks = 0;
      await this.switchTo(startFlow, u, message, stack, state.mentioned as Entity[] | undefined);
      return;
    }
    if (confident || u.payload) {
      state.fallbacks = 0;
      if (u.intent === 'faq') await this.answerFaq(u, turn, true);
      else if (DIGRESSIONS.has(u.intent)) await turn.respond(u.intent);
      else await turn.respond('how_can_we_help');
      return;
    }
    await this.fallback(u, state, turn, pending);
  }

  /**
   * A payload the assistant did not offer (an old button, or one crafted by hand) changes nothing: the
   * guest is told the button no longer works and the question stands, with the buttons it had.
   */
  private async refusePayload(payload: string, offered: Button[] | undefined, stack: FlowStack, turn: TurnOutput): Promise<void> {
    turn.events.push({ type: 'payload_refused', payload: payload.slice(0, 200) });
    this.log('warn', 'payload.refused', { conversation: stack.conversationInfo.id, payload: payload.slice(0, 80) });
    if (stack.awaiting()) {
      await turn.respond('button_not_offered');
      await stack.send({ type: 'REPEAT' });
      return;
    }
    if (offered?.length) {
      await turn.respond('button_not_offered', {}, offered);
      return;
    }
    // Nothing was offered (a new conversation, an old page): what the assistant can do, with its menu.
    await turn.respond('button_not_offered');
    await turn.respond('how_can_we_help');
  }

  /**
   * The values a message gives the flow that called the active one (a complaint, while identify asks the
   * phone), other than those the active flow takes itself; none for a pressed button.
   */
  private valuesForCaller(stack: FlowStack, u: Understanding, own: Record<string, unknown>): Record<string, unknown> {
    const caller = stack.caller();
    const definition = caller && !u.payload ? this.deps.flows.definitions.get(caller.flow) : undefined;
    if (!caller || !definition) return {};
    const values = slotValuesFor(definition, this.deps.flows.slots, u, { awaiting: null, current: caller.slots, pickers: this.deps.registry.pickers });
    for (const name of Object.keys(own)) delete values[name];
    return values;
  }

  /**
   * Starts a flow (on top of an interrupted one, if any) with the slots the message already gives, and
   * those it points back at («запишите меня на него» after a question about a pedicure).
   */
  private async switchTo(flow: string, u: Understanding, message: InboundMessage, stack: FlowStack, remembered?: Entity[]): Promise<void> {
    const definition = this.deps.flows.definitions.get(flow);
    if (!definition) return;
    const entities = withBackReferences(u.text, u.entities, remembered);
    const read = { ...u, entities, payload: u.payload?.kind === 'slot' ? u.payload : undefined };
    const values = slotValuesFor(definition, this.deps.flows.slots, read, { awaiting: null, attachments: message.attachments });
    await stack.start(flow, values, entities);
  }

  private async answerDigression(u: Understanding, turn: TurnOutput): Promise<void> {
    if (u.intent === 'faq') await this.answerFaq(u, turn, false);
    else await turn.respond(u.intent);
  }

  /** Answers from the FAQ (see `answerFaq`). */
  private answerFaq(u: Understanding, turn: TurnOutput, offerHuman: boolean): Promise<boolean> {
    return answerFaq(u, turn, offerHuman, { faq: this.deps.faq, log: this.deps.log });
  }

  private log(level: 'info' | 'warn', event: string, fields: Record<string, unknown>): void {
    this.deps.log?.[level](event, fields);
  }

  /** Low confidence outside a flow: one clarification, then the FAQ, then a human. */
  private async fallback(u: Understanding, state: ConversationState, turn: TurnOutput, pending: Pending): Promise<void> {
    state.fallbacks = (state.fallbacks ?? 0) + 1;
    turn.events.push({ type: 'fallback', level: state.fallbacks });
    if (state.fallbacks === 1 && pending?.kind !== 'clarify') {
      // A human is always the last button, so the handover intent is not offered twice.
      const options = u.ranking.filter((r) => r.name !== 'handover' && OFFERABLE(r.name, this.deps.flows)).slice(0, 3);
      const buttons: Button[] = options.map((o) => ({ title: this.intentTitle(o.name), payload: `/intent ${o.name}` }));
      buttons.push({ title: this.intentTitle('handover'), payload: '/handover' });
      state.pending = { kind: 'clarify' };
      await turn.respond('fallback_clarify', {}, buttons);
      return;
    }
    state.fallbacks = 0;
    if (await this.answerFaq(u, turn, false)) return;
    await turn.respond('fallback_not_understood_offer_human', {}, [{ title: this.intentTitle('handover'), payload: '/handover' }]);
  }

  /** The button title of an intent: the response `button_<intent>` when content has it. */
  private intentTitle(intent: string): string {
    const key = `button_${intent}`;
    return this.deps.responses.has(key) ? this.deps.responses.render(key) : intent;
  }

  private offerResume(state: ConversationState, stack: FlowStack, turn: TurnOutput): void {
    // A flow whose `resume_if` no longer holds (the booking it was moving got cancelled) is over, not offered.
    while (stack.top && !this.resumable(stack)) stack.stopTop();
    const flow = stack.top;
    if (!flow) return;
    // Named by the flow the guest was in: the cancellation, not the identification it called.
    const definition = this.deps.flows.definitions.get(stack.topCaller ?? flow);
    state.pending = { kind: 'resume', flow };
    turn.respondSync('resume_offer', { flow_title: definition?.title ?? definition?.description ?? flow }, [
      { title: this.deps.responses.has('button_yes') ? this.deps.responses.render('button_yes') : 'Да', payload: '/resume yes' },
      { title: this.deps.responses.has('button_no') ? this.deps.responses.render('button_no') : 'Нет', payload: '/resume no' },
    ]);
  }

  /** The interrupted flow's `resume_if` guard holds on its slots and what the conversation has learnt since. */
  private resumable(stack: FlowStack): boolean {
    const flow = stack.topCaller ?? stack.top;
    const guard = flow ? this.deps.flows.definitions.get(flow)?.resumeIf?.guard : undefined;
    if (!flow || !guard) return true;
    return this.deps.registry.guards[guard]({ flow, slots: stack.slots(), params: {}, conversation: stack.conversationInfo });
  }

  private finish(args: {
    message: InboundMessage;
    state: ConversationState;
    stored: ReturnType<ConversationStore['load']>;
    u: Understanding;
    stack: FlowStack;
    turn: TurnOutput;
    handedOver: boolean;
    guard?: GuardNote;
  }): TurnResult {
    const { message, state, stored, u, stack, turn, handedOver, guard } = args;
    const now = this.deps.clock();
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
    const saved = this.deps.store.saveTurn(
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
}

/**
 * A typed answer that names one of the buttons just offered (its number, or its title) is read as
 * pressing it: channels without buttons, and guests who type instead of tapping.
 */
export function withPressedButton(message: InboundMessage, buttons: Button[] | undefined): InboundMessage {
  if (message.payload || !message.text || !buttons?.length) return message;
  const typed = message.text.trim().toLowerCase().replace(/ё/g, 'е').replace(/[.)]$/, '');
  const byNumber = /^\d{1,2}$/.test(typed) ? buttons[Number(typed) - 1] : undefined;
  const byTitle = buttons.find((b) => b.title.trim().toLowerCase().replace(/ё/g, 'е') === typed);
  const pressed = byNumber ?? byTitle;
  return pressed ? { ...message, payload: pressed.payload } : message;
}

/**
 * What names a message in its write keys: its own id; without one (the terminal, tests), the turn it
 * starts, with the conversation's creation time (a conversation started again on the same id is another).
 */
function messageKey(message: InboundMessage, stored: ReturnType<ConversationStore['load']>): string {
  if (message.messageId) return `m:${message.messageId}`;
  return `turn:${stored?.createdAt ?? 'new'}:${(stored?.state.turn ?? 0) + 1}`;
}

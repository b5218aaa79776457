/**
 * The replies of one turn, rendered from response keys with their variables and buttons, and what the
 * turn remembers about each reply for later stages: the variables it was rendered with (the rephraser
 * must keep them) and its log meta (which FAQ entries grounded it, whether the LLM reworded it).
 */
import type { ConversationInfo, FlowRegistry } from '../flow-machines';
import type { Button, Reply } from '../../common';
import type { Responses } from '../responses';
import type { Said } from './flow-stack';
import type { TurnLlm } from './turn-llm';
import type { TurnEvent } from './types';

/** Builds the display variables of a response from a flow's slots (names, times, prices…). */
export type VariableBuilder = (slots: Record<string, unknown>, conversation: ConversationInfo, now: Date) => Record<string, unknown>;

/** What rendering a reply needs. */
export interface TurnOutputDeps {
  registry: FlowRegistry;
  responses: Responses;
  variables: VariableBuilder;
}

/** What the turn keeps about one reply besides its text and buttons. */
interface ReplyInfo {
  /** The variables a response was rendered with. */
  vars?: Record<string, unknown>;
  /** Saved with the outbound message in the store. */
  meta?: Record<string, unknown>;
}

export class TurnOutput {
  readonly replies: Reply[] = [];
  readonly events: TurnEvent[] = [];
  /** Set when the turn itself (not a flow) decided to hand the guest over, with the reason. */
  handover?: string;
  /** The response that tells the guest about that handover. Default `handover_sensitive`. */
  handoverNotice?: string;
  /** The LLM for this turn; absent when there is none or the guardrails keep it out of the turn. */
  llm?: TurnLlm;
  private readonly info = new Map<Reply, ReplyInfo>();

  constructor(
    private readonly deps: TurnOutputDeps,
    private readonly conversation: ConversationInfo,
    private readonly now: Date,
    private readonly turnNumber: number,
  ) {}

  /** The id of the conversation the turn belongs to (for logs). */
  get conversationId(): string {
    return this.conversation.id;
  }

  /** A reply from a flow's `say`. */
  async say(said: Extract<Said, { type: 'say' }>): Promise<void> {
    const input = { flow: said.flow, slots: said.slots, params: {}, conversation: this.conversation };
    const buttons = said.buttons ?? (said.buttonProvider ? await this.deps.registry.buttons[said.buttonProvider]?.(input) : undefined);
    this.respondSync(said.response, { ...said.vars }, buttons, said.slots);
  }

  async respond(response: string, vars: Record<string, unknown> = {}, buttons?: Button[]): Promise<void> {
    this.respondSync(response, vars, buttons);
  }

  respondSync(response: string, vars: Record<string, unknown> = {}, buttons?: Button[], slots: Record<string, unknown> = {}): void {
    this.replies.push(this.render(response, vars, buttons, slots));
  }

  /** A reply said before every other of the turn (the length cap's notice). */
  prepend(response: string): void {
    this.replies.unshift(this.render(response, {}, undefined, {}));
  }

  /** A text that is not a response (an FAQ answer), with its log meta. */
  raw(text: string, buttons: Button[], response?: string, meta?: Record<string, unknown>): void {
    const reply: Reply = { text, buttons, response };
    this.replies.push(reply);
    if (meta) this.info.set(reply, { meta });
  }

  /** The variables a response reply was rendered with; undefined for other replies. */
  varsOf(reply: Reply): Record<string, unknown> | undefined {
    return this.info.get(reply)?.vars;
  }

  /** The log meta of a reply, if any. */
  metaOf(reply: Reply): Record<string, unknown> | undefined {
    return this.info.get(reply)?.meta;
  }

  /** Puts `next` where `reply` was (a reworded text), keeping its variables and adding to its meta. */
  replace(reply: Reply, next: Reply, meta: Record<string, unknown>): void {
    const index = this.replies.indexOf(reply);
    if (index < 0) return;
    const info = this.info.get(reply) ?? {};
    this.replies[index] = next;
    this.info.delete(reply);
    this.info.set(next, { ...info, meta: { ...info.meta, ...meta } });
  }

  /** Adds to the log meta of a reply (e.g. why the LLM's wording was not used). */
  annotate(reply: Reply, meta: Record<string, unknown>): void {
    const info = this.info.get(reply) ?? {};
    this.info.set(reply, { ...info, meta: { ...info.meta, ...meta } });
  }

  private render(response: string, vars: Record<string, unknown>, buttons: Button[] | undefined, slots: Record<string, unknown>): Reply {
    const all = { ...this.deps.variables(slots, this.conversation, this.now), ...vars };
    const text = this.deps.responses.render(response, all, { variant: this.turnNumber });
    const reply: Reply = { text, buttons: buttons ?? this.deps.responses.buttons(response, all), response };
    this.info.set(reply, { vars: all });
    return reply;
  }
}

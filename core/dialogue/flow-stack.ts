import { createActor, waitFor } from 'xstate';
import { AWAITING_TAG, CALL_TAG, type ConversationInfo, type FlowEvent, type FlowOutput } from '../flow-machines';
import type { Entity } from '../../nlu';
import { FlowRunError } from './errors';
import { SETTLE_TIMEOUT_MS } from './frame-restart';
import { FlowFrames, type Frame } from './frame-stack';
import { isParked } from './restore-frame';

export type { FlowInspector, Said } from './frame-stack';

/**
 * The running flows of one conversation during one turn: restores their actors from persisted
 * snapshots (`restore()`), sends events, follows `call`, `link` and the end of flows, and records what
 * they say. `frames()` gives the stack to persist afterwards, each frame with its flow's hash.
 */
export class FlowStack extends FlowFrames {
  /** The output of the last flow that finished this turn. */
  lastOutput?: FlowOutput & { flow: string };
  /** A flow finished this turn over one it interrupted, which now waits to be offered again. */
  returnedToInterrupted = false;

  get depth(): number {
    return this.stack.length;
  }

  /** The active flow, or null. */
  get top(): string | null {
    return this.stack.at(-1)?.flow ?? null;
  }

  /** The flow the active one is a part of: the active flow, or the flow that called it (and so on up). */
  get topCaller(): string | null {
    let index = this.stack.length - 1;
    while (index > 0 && this.calls(this.stack[index - 1], this.stack[index].flow)) index--;
    return this.stack[index]?.flow ?? null;
  }

  /** Conversation facts the flows learnt (client, phone). */
  get conversationInfo(): ConversationInfo {
    return this.conversation;
  }

  /** The slot the active flow waits for, or null. */
  awaiting(): string | null {
    const frame = this.stack.at(-1);
    if (!frame) return null;
    const tags = [...this.actorOf(frame).getSnapshot().tags] as string[];
    return tags.find((t) => t.startsWith(AWAITING_TAG))?.slice(AWAITING_TAG.length) ?? null;
  }

  /** The active flow's slots. */
  slots(): Record<string, unknown> {
    const frame = this.stack.at(-1);
    return frame ? { ...this.actorOf(frame).getSnapshot().context.slots } : {};
  }

  /** The flow that called the active one (a complaint, for identify) and its slots, with those carried to it; null when the active flow was not called. */
  caller(): { flow: string; slots: Record<string, unknown> } | null {
    const frame = this.callerFrame();
    return frame ? { flow: frame.flow, slots: { ...this.actorOf(frame).getSnapshot().context.slots, ...frame.carry } } : null;
  }

  /**
   * Keeps slots for the flow that called the active one, given while the called flow asks («на Тверской»
   * while identify asks the phone of a complaint): the caller gets them when the called flow returns.
   */
  carryToCaller(values: Record<string, unknown>): void {
    const frame = this.callerFrame();
    if (frame) frame.carry = { ...frame.carry, ...values };
  }

  /**
   * Starts a flow on top of the stack with prefilled slots, and runs it until it waits or ends. `cues`:
   * the entities of the message that started it, for its `picked_by` slots.
   */
  async start(flow: string, slots: Record<string, unknown> = {}, cues?: Entity[]): Promise<void> {
    const machine = this.flows.machines.get(flow);
    if (!machine) throw new Error(`no flow "${flow}"`);
    const frame: Frame = { flow };
    this.stack.push(frame);
    this.events.push({ type: 'flow_started', flow });
    frame.actor = this.watch(createActor(machine, { input: { slots, conversation: this.conversation, cues }, inspect: this.inspectorOf(flow) }), flow);
    frame.actor.start();
    await this.settle();
  }

  /** Sends an event to the active flow and runs until it waits or ends. */
  async send(event: FlowEvent): Promise<void> {
    const frame = this.stack.at(-1);
    if (!frame) return;
    this.actorOf(frame).send(event);
    await this.settle();
  }

  /**
   * Ends the active flow without finishing it ("стоп"), with the flows that called it: a called flow
   * (identify) is a part of its caller's conversation (the cancellation), not one of its own.
   */
  stopTop(): string | null {
    let frame = this.stack.pop();
    if (!frame) return null;
    for (;;) {
      frame.actor?.stop();
      this.events.push({ type: 'flow_stopped', flow: frame.flow });
      const caller = this.stack.at(-1);
      if (!caller || !this.calls(caller, frame.flow)) return frame.flow;
      frame = this.stack.pop()!;
    }
  }

  /** Drops every flow (a handover). */
  clear(): void {
    while (this.stack.length) this.stopTop();
  }

  /** The frame below the active one when it waits on a `call` of the active flow. */
  private callerFrame(): Frame | undefined {
    const frame = this.stack.at(-2);
    const top = this.stack.at(-1);
    return frame && top && this.calls(frame, top.flow) ? frame : undefined;
  }

  /** True when the frame's flow waits on a `call` of `flow`. */
  private calls(frame: Frame, flow: string): boolean {
    return ([...this.actorOf(frame).getSnapshot().tags] as string[]).includes(`${CALL_TAG}${flow}`);
  }

  /** Runs the active flow until it waits for the guest; follows calls, links and finished flows. */
  private async settle(): Promise<void> {
    for (;;) {
      const frame = this.stack.at(-1);
      if (!frame) return;
      const actor = this.actorOf(frame);
      let snapshot;
      try {
        snapshot = await waitFor(actor, (s) => s.status !== 'active' || isParked(s), { timeout: SETTLE_TIMEOUT_MS });
      } catch (error) {
        throw new FlowRunError(frame.flow, error);
      }
      if (snapshot.status === 'error') throw new FlowRunError(frame.flow, (snapshot as { error?: unknown }).error);
      if (snapshot.status === 'active') {
        const call = ([...snapshot.tags] as string[]).find((t) => t.startsWith(CALL_TAG));
        if (!call) return; // waiting for the guest
        // The called flow sees what its caller learnt this far (a booking it created, a client identified).
        this.conversation = { ...this.conversation, ...snapshot.context.conversation };
        await this.start(call.slice(CALL_TAG.length), { ...snapshot.context.slots });
        return;
      }
      // The flow finished: pop it, then hand off, return to a caller, or stop here.
      this.stack.pop();
      const output = snapshot.output as FlowOutput;
      this.conversation = { ...this.conversation, ...output.conversation };
      this.lastOutput = { ...output, flow: frame.flow };
      this.events.push({ type: 'flow_completed', flow: frame.flow });
      if (output.link) {
        await this.start(output.link, output.slots);
        return;
      }
      const caller = this.stack.at(-1);
      if (!caller) return;
      const callerSnapshot = this.actorOf(caller).getSnapshot();
      if (([...callerSnapshot.tags] as string[]).includes(`${CALL_TAG}${frame.flow}`)) {
        const carried = caller.carry;
        delete caller.carry;
        this.actorOf(caller).send({ type: 'RETURNED', slots: { ...output.slots, ...carried }, conversation: this.conversation });
        continue;
      }
      // An interrupted flow lies below: the dialogue manager offers to come back to it.
      this.returnedToInterrupted = true;
      return;
    }
  }
}

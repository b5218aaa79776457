import { createActor, waitFor, type AnyActorRef, type InspectionEvent } from 'xstate';
import { AWAITING_TAG, CALL_TAG, type ConversationInfo, type FlowEmitted, type FlowEvent, type FlowOutput, type FlowSet } from '../flow-machines';
import type { Entity } from '../../nlu';
import type { FlowFrame } from '../store';
import { FlowRestoreError, FlowRunError } from './errors';
import { isParked, keptSlots, restoreActor } from './restore-frame';
import type { TurnEvent } from './types';

/** How long a turn may wait for a flow's actions (CRM calls) before it gives up. */
const SETTLE_TIMEOUT_MS = 20_000;

/** Receives the XState inspection events of a flow's actor (microsteps give the transitions taken). */
export type FlowInspector = (flow: string, event: InspectionEvent) => void;

/** A running flow: its persisted snapshot (and the flow's hash then) until its actor is restored, and slots carried to it. */
interface Frame {
  flow: string;
  snapshot?: unknown;
  hash?: string;
  actor?: AnyActorRef;
  carry?: Record<string, unknown>;
}

/** What a flow said, with the flow that said it. */
export type Said = FlowEmitted & { flow: string };

/**
 * The running flows of one conversation during one turn: restores their actors from persisted
 * snapshots (`restore()`), sends events, follows `call`, `link` and the end of flows, and records what
 * they say. `frames()` gives the stack to persist afterwards, each frame with its flow's hash.
 */
export class FlowStack {
  private readonly stack: Frame[];
  readonly said: Said[] = [];
  readonly events: TurnEvent[] = [];
  /** The output of the last flow that finished this turn. */
  lastOutput?: FlowOutput & { flow: string };
  /** A flow finished this turn over one it interrupted, which now waits to be offered again. */
  returnedToInterrupted = false;
  /** Frames `restore()` could not take up where they were: each flow restarted (or, when gone, was dropped). */
  readonly restoreFailures: FlowRestoreError[] = [];
  /** True while a restarted flow replays its steps up to where it waits: what it says then is not said. */
  private replaying = false;

  constructor(
    private readonly flows: FlowSet,
    frames: FlowFrame[],
    private conversation: ConversationInfo,
    /** Sees every XState inspection event of the flows run this turn (coverage, debugging). */
    private readonly inspect?: FlowInspector,
  ) {
    this.stack = frames.map((f) => ({ flow: f.flow, snapshot: f.snapshot, hash: f.hash, ...(f.carry && { carry: f.carry }) }));
  }

  /**
   * Restores the actor of every persisted frame, bottom first. Never throws for a frame: one that cannot
   * be restored (its flow was edited so that its step is gone, or its snapshot is damaged) restarts its
   * flow from the beginning with the slots it kept, replayed silently up to the step where it now waits
   * (a `flow_restarted` event); a frame whose flow is gone, or whose restart fails or ends the flow, is
   * dropped (`flow_stopped`). Each such frame is in `restoreFailures`. Call it once, before the turn.
   */
  async restore(): Promise<void> {
    for (let index = 0; index < this.stack.length; ) {
      const frame = this.stack[index];
      if (frame.actor) {
        index++;
        continue;
      }
      try {
        this.restoreFrame(frame);
        index++;
      } catch (error) {
        const failure = error instanceof FlowRestoreError ? error : new FlowRestoreError(frame.flow, 'restore_failed', { cause: error });
        this.restoreFailures.push(failure);
        if (await this.restart(frame)) index++;
        else {
          this.stack.splice(index, 1);
          this.events.push({ type: 'flow_stopped', flow: frame.flow });
        }
      }
    }
  }

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

  /** The stack as persisted snapshots, each with the hash of the flow that produced it. */
  frames(): FlowFrame[] {
    return this.stack.map((frame) => {
      const hash = frame.actor ? this.flows.hashes.get(frame.flow) : frame.hash;
      return {
        flow: frame.flow,
        snapshot: frame.actor ? frame.actor.getPersistedSnapshot() : frame.snapshot,
        ...(hash !== undefined && { hash }),
        ...(frame.carry && { carry: frame.carry }),
      };
    });
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

  /** The frame's actor, restored now if `restore()` did not (then a frame that cannot be restored throws). */
  private actorOf(frame: Frame): AnyActorRef {
    if (!frame.actor) this.restoreFrame(frame);
    return frame.actor!;
  }

  /**
   * Restores and starts the frame's actor from its snapshot.
   *
   * @throws {FlowRestoreError} when it cannot be (see `restoreActor`), or fails as it starts.
   */
  private restoreFrame(frame: Frame): void {
    const actor = restoreActor(frame, {
      machine: this.flows.machines.get(frame.flow),
      hash: this.flows.hashes.get(frame.flow),
      conversation: this.conversation,
      inspect: this.inspectorOf(frame.flow),
    });
    this.watch(actor, frame.flow).start();
    const status = actor.getSnapshot().status;
    if (status !== 'active') {
      actor.stop();
      throw new FlowRestoreError(frame.flow, status === 'error' ? 'restore_failed' : 'not_parked', { cause: (actor.getSnapshot() as { error?: unknown }).error });
    }
    frame.actor = actor;
  }

  /**
   * Starts the frame's flow again from its beginning with the slots it kept, and runs it silently until
   * it waits. False when it cannot: the flow is gone, fails, or ends without waiting.
   */
  private async restart(frame: Frame): Promise<boolean> {
    const machine = this.flows.machines.get(frame.flow);
    if (!machine) return false;
    // Named before what the replay does (its actions), though known only once it waits.
    const at = this.events.length;
    this.replaying = true;
    let actor: AnyActorRef | undefined;
    try {
      // Choices that depend on others (the offered times, the chosen one, the yes to the summary) are asked
      // again: the replay stops at the summary at the latest and never repeats a booking, move or cancellation.
      const slots = Object.fromEntries(Object.entries(keptSlots(frame.snapshot)).filter(([name]) => !this.flows.slots.get(name)?.resetOnRewind));
      actor = this.watch(createActor(machine, { input: { slots, conversation: this.conversation }, inspect: this.inspectorOf(frame.flow) }), frame.flow);
      actor.start();
      const snapshot = await waitFor(actor, (s) => s.status !== 'active' || isParked(s), { timeout: SETTLE_TIMEOUT_MS });
      if (snapshot.status !== 'active') {
        actor.stop();
        return false;
      }
    } catch {
      actor?.stop();
      return false;
    } finally {
      this.replaying = false;
    }
    frame.actor = actor;
    this.events.splice(at, 0, { type: 'flow_restarted', flow: frame.flow });
    return true;
  }

  private inspectorOf(flow: string): ((event: InspectionEvent) => void) | undefined {
    const inspect = this.inspect;
    return inspect ? (event) => inspect(flow, event) : undefined;
  }

  private watch(actor: AnyActorRef, flow: string): AnyActorRef {
    // An actor's error with no error observer is thrown on a timer, outside the turn, and ends the process:
    // this observer keeps it on the actor (its snapshot), where `settle` finds it.
    actor.subscribe({ error: () => undefined });
    actor.on('*', (event: FlowEmitted) => {
      if (this.replaying && event.type === 'say') return;
      this.said.push({ ...event, flow });
      if (event.type === 'action') this.events.push({ type: 'action', action: event.action, ok: event.ok });
      if (event.type === 'handover') this.events.push({ type: 'handover', reason: event.reason });
    });
    return actor;
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

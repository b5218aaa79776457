/**
 * The frames of a conversation's flows during one turn: each persisted frame's XState actor restored
 * (or its flow restarted when it cannot be), what the actors say recorded, and the frames to persist
 * again afterwards. `FlowStack` runs the flows on top of this.
 */
import type { AnyActorRef, InspectionEvent } from 'xstate';
import type { ConversationInfo, FlowEmitted, FlowSet } from '../flow-machines';
import type { FlowFrame } from '../store';
import { FlowRestoreError } from './errors';
import { restartActor } from './frame-restart';
import { restoreActor } from './restore-frame';
import type { TurnEvent } from './types';

/** Receives the XState inspection events of a flow's actor (microsteps give the transitions taken). */
export type FlowInspector = (flow: string, event: InspectionEvent) => void;

/** A running flow: its persisted snapshot (and the flow's hash then) until its actor is restored, and slots carried to it. */
export interface Frame {
  flow: string;
  snapshot?: unknown;
  hash?: string;
  actor?: AnyActorRef;
  carry?: Record<string, unknown>;
}

/** What a flow said, with the flow that said it. */
export type Said = FlowEmitted & { flow: string };

export class FlowFrames {
  protected readonly stack: Frame[];
  readonly said: Said[] = [];
  readonly events: TurnEvent[] = [];
  /** Frames `restore()` could not take up where they were: each flow restarted (or, when gone, was dropped). */
  readonly restoreFailures: FlowRestoreError[] = [];
  /** True while a restarted flow replays its steps up to where it waits: what it says then is not said. */
  private replaying = false;

  constructor(
    protected readonly flows: FlowSet,
    frames: FlowFrame[],
    protected conversation: ConversationInfo,
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

  /** The frame's actor, restored now if `restore()` did not (then a frame that cannot be restored throws). */
  protected actorOf(frame: Frame): AnyActorRef {
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

  /** Starts the frame's flow again (see `restartActor`); false when it cannot be. */
  private async restart(frame: Frame): Promise<boolean> {
    // Named before what the replay does (its actions), though known only once it waits.
    const at = this.events.length;
    this.replaying = true;
    const actor = await restartActor(frame.snapshot, {
      machine: this.flows.machines.get(frame.flow),
      slots: this.flows.slots,
      conversation: this.conversation,
      inspect: this.inspectorOf(frame.flow),
      watch: (a) => this.watch(a, frame.flow),
    }).finally(() => {
      this.replaying = false;
    });
    if (!actor) return false;
    frame.actor = actor;
    this.events.splice(at, 0, { type: 'flow_restarted', flow: frame.flow });
    return true;
  }

  protected inspectorOf(flow: string): ((event: InspectionEvent) => void) | undefined {
    const inspect = this.inspect;
    return inspect ? (event) => inspect(flow, event) : undefined;
  }

  protected watch(actor: AnyActorRef, flow: string): AnyActorRef {
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

}

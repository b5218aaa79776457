/**
 * Taking a persisted flow frame up again: its XState snapshot restored onto the flow's current machine,
 * checked before the actor is started (a snapshot XState cannot restore is never started: started, its
 * error would be thrown outside any turn and end the process).
 */
import { createActor, type AnyActorRef, type AnyMachineSnapshot, type AnyStateMachine, type InspectionEvent } from 'xstate';
import { AWAITING_TAG, CALL_TAG, type ConversationInfo } from '../flow-machines';
import type { FlowFrame } from '../store';
import { FlowRestoreError } from './errors';

export interface RestoreOptions {
  /** The flow's machine now; undefined when the flow is gone. */
  machine: AnyStateMachine | undefined;
  /** The flow's hash now (`FlowSet.hashes`). */
  hash: string | undefined;
  conversation: ConversationInfo;
  inspect?: (event: InspectionEvent) => void;
}

/**
 * The frame's actor, restored and not yet started. When the flow changed since the frame was saved (its
 * hash differs), the restored state must still wait for the guest or for a called flow, as every saved
 * frame does.
 *
 * @throws {FlowRestoreError} when the flow is gone, XState cannot restore the snapshot, or the changed
 *   flow no longer waits where the frame stood.
 */
export function restoreActor(frame: Pick<FlowFrame, 'flow' | 'hash'> & { snapshot?: unknown }, options: RestoreOptions): AnyActorRef {
  if (!options.machine) throw new FlowRestoreError(frame.flow, 'flow_missing');
  let actor: AnyActorRef;
  try {
    actor = createActor(options.machine, { snapshot: frame.snapshot as never, input: { conversation: options.conversation }, inspect: options.inspect });
  } catch (error) {
    throw new FlowRestoreError(frame.flow, 'restore_failed', { cause: error });
  }
  const snapshot = actor.getSnapshot() as AnyMachineSnapshot & { error?: unknown };
  if (snapshot.status === 'error') throw new FlowRestoreError(frame.flow, 'restore_failed', { cause: snapshot.error });
  if (frame.hash !== options.hash && !isParked(snapshot)) throw new FlowRestoreError(frame.flow, 'not_parked');
  return actor;
}

/** The flow waits: for the guest (an `awaiting:` tag) or for a flow it called (a `call:` tag). */
export function isParked(snapshot: AnyMachineSnapshot): boolean {
  if (snapshot.status !== 'active' || !snapshot.tags) return false;
  return [...snapshot.tags].some((tag) => typeof tag === 'string' && (tag.startsWith(AWAITING_TAG) || tag.startsWith(CALL_TAG)));
}

/** The slots a persisted snapshot kept; none when it has no readable context. */
export function keptSlots(snapshot: unknown): Record<string, unknown> {
  const slots = (snapshot as { context?: { slots?: unknown } } | null | undefined)?.context?.slots;
  return slots && typeof slots === 'object' && !Array.isArray(slots) ? { ...(slots as Record<string, unknown>) } : {};
}

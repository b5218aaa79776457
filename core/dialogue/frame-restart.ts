/**
 * Starting a flow again whose persisted frame cannot be taken up where it stood (its flow was edited so
 * that the step is gone, or the snapshot is damaged): from its beginning, with the slots it kept, run
 * silently until it waits for the guest.
 */
import { createActor, waitFor, type AnyActorRef, type AnyStateMachine, type InspectionEvent } from 'xstate';
import type { ConversationInfo, SlotCatalog } from '../flow-machines';
import { isParked, keptSlots } from './restore-frame';

/** How long a turn may wait for a flow's actions (CRM calls) before it gives up. */
export const SETTLE_TIMEOUT_MS = 20_000;

export interface RestartOptions {
  /** The flow's machine now; undefined when the flow is gone. */
  machine: AnyStateMachine | undefined;
  slots: SlotCatalog;
  conversation: ConversationInfo;
  inspect?: (event: InspectionEvent) => void;
  /** Subscribes the turn to the actor's emitted events (the caller keeps the replay's `say`s quiet). */
  watch: (actor: AnyActorRef) => AnyActorRef;
}

/**
 * The restarted actor, waiting for the guest; undefined when it cannot be: the flow is gone, fails, or
 * ends without waiting. Choices that depend on others (the offered times, the chosen one, the yes to the
 * summary) are asked again: the replay stops at the summary at the latest and never repeats a booking,
 * move or cancellation.
 */
export async function restartActor(snapshot: unknown, options: RestartOptions): Promise<AnyActorRef | undefined> {
  if (!options.machine) return undefined;
  let actor: AnyActorRef | undefined;
  try {
    const slots = Object.fromEntries(Object.entries(keptSlots(snapshot)).filter(([name]) => !options.slots.get(name)?.resetOnRewind));
    actor = options.watch(createActor(options.machine, { input: { slots, conversation: options.conversation }, inspect: options.inspect }));
    actor.start();
    const settled = await waitFor(actor, (s) => s.status !== 'active' || isParked(s), { timeout: SETTLE_TIMEOUT_MS });
    if (settled.status === 'active') return actor;
    actor.stop();
    return undefined;
  } catch {
    actor?.stop();
    return undefined;
  }
}

/**
 * The flow actors of recently active conversations, kept running between turns so the next turn does not
 * rebuild them from their persisted snapshots (restoring an XState actor costs about as much as the
 * transition it then takes). The store stays the truth: an entry is used only when its version is the
 * version the turn loaded, so a conversation changed elsewhere (another process, a handover from the
 * staff chat, a failed turn) is restored from the database as before.
 */
import type { AnyActorRef } from 'xstate';

/** One flow of a conversation's stack, bottom first, with its actor when one is running. */
export interface LiveFrame {
  flow: string;
  actor?: AnyActorRef;
}

interface Entry {
  version: number;
  frames: LiveFrame[];
}

/** How many conversations keep their actors by default: the ones in the middle of a flow, most recent first. */
export const DEFAULT_LIVE_CONVERSATIONS = 2000;

/**
 * A bounded, least-recently-used map from a conversation to its running flow actors.
 *
 * @example
 * const live = new LiveFlows(2000);
 * const frames = live.take('telegram:42', stored.version);   // undefined: restore from the snapshots
 * // … the turn runs, the store saves version 8 …
 * live.keep('telegram:42', 8, stack.detach());
 */
export class LiveFlows {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly capacity = DEFAULT_LIVE_CONVERSATIONS) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Hands the conversation's actors to a turn and forgets them (the turn gives them back with `keep` once
   * its state is saved). Undefined when none are kept or they belong to another version of the conversation.
   */
  take(conversation: string, version: number | undefined): LiveFrame[] | undefined {
    const entry = this.entries.get(conversation);
    if (!entry) return undefined;
    this.entries.delete(conversation);
    if (entry.version === version) return entry.frames;
    stopAll(entry.frames);
    return undefined;
  }

  /** Keeps a saved turn's actors as version `version` of the conversation; the stalest conversation makes room. */
  keep(conversation: string, version: number, frames: LiveFrame[]): void {
    this.forget(conversation);
    if (this.capacity <= 0 || !frames.some((frame) => frame.actor)) {
      stopAll(frames);
      return;
    }
    this.entries.set(conversation, { version, frames });
    while (this.entries.size > this.capacity) {
      const [stalest] = this.entries.keys();
      this.forget(stalest);
    }
  }

  /** Drops a conversation's actors. */
  forget(conversation: string): void {
    const entry = this.entries.get(conversation);
    if (!entry) return;
    this.entries.delete(conversation);
    stopAll(entry.frames);
  }
}

function stopAll(frames: LiveFrame[]): void {
  for (const frame of frames) frame.actor?.stop();
}

/** Live replies for open widget pages: who listens to which conversation. */
import type { DeliveredReply } from '../../core';

type Listener = (reply: DeliveredReply) => void;

/**
 * A publish/subscribe hub keyed by conversation id. Several tabs of one guest each get every reply; a
 * listener that throws (a closed socket) does not stop the others.
 */
export class WebEventHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  /** Starts listening; returns the function that stops. */
  subscribe(conversationId: string, listener: Listener): () => void {
    const set = this.listeners.get(conversationId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(conversationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(conversationId) === set) this.listeners.delete(conversationId);
    };
  }

  /** Hands the reply to every listener of the conversation; returns how many there were. */
  publish(conversationId: string, reply: DeliveredReply): number {
    const set = this.listeners.get(conversationId);
    for (const listener of set ?? []) {
      try {
        listener(reply);
      } catch {
        // One broken page must not cost the others their reply.
      }
    }
    return set?.size ?? 0;
  }

  /** Open listeners in all (tests check nothing leaks). */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

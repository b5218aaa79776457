/**
 * A reply longer than a channel's limit is sent as several messages. If the process dies between them,
 * the outbox sends the reply again under the same delivery id; the sender asks this record which parts
 * the channel already has and sends only the rest. (A part whose send succeeded but whose record did not
 * make it to disk before the crash is sent again: at-least-once, per part.)
 */

/** Which parts of a reply (by delivery id) were sent, and the ids the channel gave them. */
export interface SentParts {
  /** Part index → the channel's message id, for the parts already sent. */
  of(deliveryId: number): Map<number, string>;
  /** Notes that part `part` (0-based) of the reply went out as message `messageId`. */
  record(deliveryId: number, part: number, messageId: string): void;
}

/** An in-memory {@link SentParts} (tests; a process that never restarts). */
export class MemorySentParts implements SentParts {
  private readonly parts = new Map<number, Map<number, string>>();

  of(deliveryId: number): Map<number, string> {
    return new Map(this.parts.get(deliveryId) ?? []);
  }

  record(deliveryId: number, part: number, messageId: string): void {
    const parts = this.parts.get(deliveryId) ?? new Map<number, string>();
    parts.set(part, messageId);
    this.parts.set(deliveryId, parts);
  }
}

/**
 * WhatsApp's 24-hour rule: a business may send free-form messages only within 24 hours of the guest's
 * last message (the customer service window); after that only an approved template.
 */

/** The customer service window. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * True when `now` is within 24 hours of the guest's last message.
 *
 * @example
 * isWithinServiceWindow(new Date('2025-11-27T10:00:00Z'), new Date('2025-11-28T09:59:59Z')); // true
 */
export function isWithinServiceWindow(lastInboundAt: Date | undefined, now: Date): boolean {
  if (!lastInboundAt || Number.isNaN(lastInboundAt.getTime())) return false;
  return now.getTime() - lastInboundAt.getTime() < SERVICE_WINDOW_MS;
}

/** Where the time of a guest's last message comes from (the server may read its message log instead). */
export type LastInboundLookup = (userId: string) => Date | undefined | Promise<Date | undefined>;

/** Remembers each guest's last message time in memory (fed by the webhook). */
export class MemoryServiceWindow {
  private readonly last = new Map<string, Date>();

  /** Notes a guest's message; an older time never replaces a newer one (redeliveries come late). */
  record(userId: string, at: Date): void {
    const known = this.last.get(userId);
    if (!known || known < at) this.last.set(userId, at);
  }

  readonly lastInboundAt: LastInboundLookup = (userId) => this.last.get(userId);
}

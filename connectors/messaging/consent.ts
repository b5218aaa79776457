/**
 * Consent to the processing of personal data: Telegram's `/start` shows the consent text and records
 * that the guest received it. Where it is recorded is the server's business (its database); the
 * in-memory recorder serves tests and the demo.
 */

/** One recorded consent. */
export interface ConsentRecord {
  channel: string;
  userId: string;
  /** When the guest sent `/start`. */
  at: Date;
  /** The channel's message id of the `/start` (evidence). */
  messageId: string;
  /** The consent text the guest was shown. */
  text: string;
}

/** Stores a consent; may be async (a database). False means it was stored before (a redelivered `/start`). */
export type ConsentRecorder = (consent: ConsentRecord) => boolean | void | Promise<boolean | void>;

/** Keeps consents in memory, latest per guest. */
export class MemoryConsentRecorder {
  readonly records: ConsentRecord[] = [];

  /** The recorder function to pass to the connector. */
  readonly record: ConsentRecorder = (consent) => {
    this.records.push(consent);
  };

  /** True when the guest has consented in that channel. */
  has(channel: string, userId: string): boolean {
    return this.records.some((r) => r.channel === channel && r.userId === userId);
  }
}

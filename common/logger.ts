/**
 * The logger contract every layer logs through (an event name and its fields). The implementation —
 * pino with secrets and personal data scrubbed — is the app's (`app/log.ts`); connectors and the core
 * depend only on this interface.
 */

/** Structured fields of a log line. */
export type LogFields = Record<string, unknown>;

/** What the code logs through: an event name and its fields. */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds `bindings` (scrubbed too) to every line. */
  child(bindings: LogFields): Logger;
}

/** A logger that prints nothing (the default of the engine and of tests). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

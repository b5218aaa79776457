/**
 * The server's last line of defence: an error no turn caught (a rejected promise nobody awaited, an
 * exception thrown on a timer) is logged, and the process goes on serving every other guest.
 */
import type { Logger } from '../../common';

/** The part of `process` the guards listen on (tests pass an emitter of their own). */
export type ProcessEvents = Pick<NodeJS.Process, 'on' | 'off'>;

/**
 * Logs `process.unhandledRejection` and `process.uncaughtException` at `error` instead of letting
 * Node end the process. Returns a function that removes the handlers again.
 *
 * @example const release = keepServingOnErrors(log); // … release() on shutdown
 */
export function keepServingOnErrors(log: Logger, target: ProcessEvents = process): () => void {
  const rejected = (reason: unknown) => log.error('process.unhandled_rejection', { err: reason });
  const thrown = (error: Error, origin: string) => log.error('process.uncaught_exception', { err: error, origin });
  target.on('unhandledRejection', rejected);
  target.on('uncaughtException', thrown);
  return () => {
    target.off('unhandledRejection', rejected);
    target.off('uncaughtException', thrown);
  };
}

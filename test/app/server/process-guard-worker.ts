/**
 * A server process hit by errors no turn caught: a promise rejected with nobody awaiting it, and an
 * exception thrown on a timer. Run by process-guards.test.ts: `node --require tsx/cjs process-guard-worker.ts`;
 * prints the log lines and then «still serving» when the process survived both.
 */
import { createLogger } from '../../../app/log';
import { keepServingOnErrors } from '../../../app/server';

const log = createLogger({ destination: { write: (line: string) => process.stdout.write(line) } });
keepServingOnErrors(log);
void Promise.reject(new Error('a turn nobody awaited'));
setTimeout(() => {
  throw new Error('thrown on a timer');
}, 10);
setTimeout(() => process.stdout.write('still serving\n'), 100);

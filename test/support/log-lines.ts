/** A real logger (scrubbing and all) whose JSON lines are kept for the test to read. */
import { createLogger, type LogLevel } from '../../app/log';
import { type Logger } from '../../common';

export interface CollectedLog {
  log: Logger;
  /** The raw lines, as they would reach stderr. */
  lines: string[];
  /** The lines parsed. */
  entries(): Array<Record<string, any>>;
  /** The parsed lines of one event. */
  events(name: string): Array<Record<string, any>>;
}

/** A logger writing into an array (default level debug: every line is kept). */
export function collectingLogger(level: LogLevel = 'debug'): CollectedLog {
  const lines: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } as never });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, any>);
  return { log, lines, entries, events: (name) => entries().filter((e) => e.msg === name) };
}

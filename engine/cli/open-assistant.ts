import { join } from 'node:path';
import { createAssistant, type Assistant } from '../assistant';
import type { Clock } from '../../nlu/types';
import { loadNluFromEnv } from './load-nlu';
import { contentDir, databasePath, PROJECT_ROOT } from './paths';

/** Where flows are read from (`COCO_FLOWS_DIR`, default `flows/`). */
export function flowsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.COCO_FLOWS_DIR ?? join(PROJECT_ROOT, 'flows');
}

/** A clock frozen at `now`, or the system clock. The only place that reads the system time. */
export function clockAt(now?: Date): Clock {
  return now ? () => new Date(now.getTime()) : () => new Date();
}

/** The assistant as the environment configures it (content, flows, database, NLU). */
export async function openAssistant(clock: Clock, env: NodeJS.ProcessEnv = process.env): Promise<Assistant> {
  const nlu = await loadNluFromEnv(env);
  return createAssistant({ contentDir: contentDir(env), flowsDir: flowsDir(env), database: databasePath(env), clock, nlu });
}

import { join } from 'node:path';
import { createAssistant, type Assistant, loggerFromEnv, contentDir, databasePath, PROJECT_ROOT, llmSettingsFromEnv } from '../app';
import type { Clock } from '../nlu';
import { loadNluFromEnv } from './load-nlu';

/** Where flows are read from (`COCO_FLOWS_DIR`, default `flows/`). */
export function flowsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.COCO_FLOWS_DIR ?? join(PROJECT_ROOT, 'flows');
}

/** A clock frozen at `now`, or the system clock. The only place that reads the system time. */
export function clockAt(now?: Date): Clock {
  return now ? () => new Date(now.getTime()) : () => new Date();
}

/**
 * The assistant as the environment configures it: content, flows, database, NLU, the LLM
 * (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, `COCO_LLM_*`; none without a key) and the log (`COCO_LOG_LEVEL`,
 * on stderr).
 *
 * @throws {ConfigError} for an LLM or log setting that cannot be used, naming the variable and a fix.
 */
export async function openAssistant(clock: Clock, env: NodeJS.ProcessEnv = process.env): Promise<Assistant> {
  // Settings first: a typo in them should stop the start before the NLU trains.
  const llm = llmSettingsFromEnv(env);
  const log = loggerFromEnv(env);
  const nlu = await loadNluFromEnv(env, log);
  return createAssistant({ contentDir: contentDir(env), flowsDir: flowsDir(env), database: databasePath(env), clock, nlu, llm, log });
}

import { join } from 'node:path';
import { loadNlu, type Nlu } from '../nlu';
import { loadCatalog } from '../salon';
import { ConfigError, type Logger } from '../common';
import { createEmbedder, embedderSettingsFromEnv, cacheDir, contentDir, databasePath } from '../app';
import { openDatabase } from '../core';

/**
 * The NLU as the environment configures it: content folder, training cache, embedder (and its SQLite
 * cache). `log` hears of a dense embedder's outage (its messages are then ranked offline).
 */
export async function loadNluFromEnv(env: NodeJS.ProcessEnv = process.env, log?: Logger): Promise<Nlu> {
  const settings = embedderSettingsFromEnv(env);
  const embedder = settings.kind === 'openai' ? createEmbedder(settings, openDatabase(databasePath(env))) : undefined;
  const threshold = fallbackThresholdFromEnv(env);
  const catalog = loadCatalog(join(contentDir(env), 'catalog.yaml'));
  return loadNlu({ contentDir: contentDir(env), catalog, cacheDir: cacheDir(env), embedder, fallbackThreshold: threshold, log: log?.child({ component: 'nlu' }) });
}

/** `COCO_NLU_FALLBACK_THRESHOLD`: below this top confidence the intent is nlu_fallback (default 0.5). */
function fallbackThresholdFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.COCO_NLU_FALLBACK_THRESHOLD;
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!(value >= 0 && value <= 1)) throw new ConfigError('COCO_NLU_FALLBACK_THRESHOLD', `"${raw}" is not a number from 0 to 1`, 'e.g. COCO_NLU_FALLBACK_THRESHOLD=0.5');
  return value;
}

import { join } from 'node:path';
import type { Catalog } from '../salon';
import { readRasaNluFile } from './data';
import { Nlu, type NluOptions } from './nlu';
import { createFileTrainingCache } from './training-cache';

export interface LoadNluOptions extends Omit<NluOptions, 'cache'> {
  /** The content folder with intents.yaml. */
  contentDir: string;
  /** The salon's catalog (its entities), loaded by the caller: the NLU reads no salon file itself. */
  catalog: Catalog;
  /** Where trained models are cached; null disables the cache. */
  cacheDir?: string | null;
}

/** Reads the content folder and trains the NLU (or restores it from the cache). */
export async function loadNlu(options: LoadNluOptions): Promise<Nlu> {
  const { contentDir, cacheDir, catalog, ...rest } = options;
  const training = readRasaNluFile(join(contentDir, 'intents.yaml'));
  return Nlu.train({ training, catalog }, { ...rest, cache: cacheDir ? createFileTrainingCache(cacheDir) : undefined });
}

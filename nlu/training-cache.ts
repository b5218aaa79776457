import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cache of trained NLU models keyed by a hash of everything that shapes them (training data,
 * catalog, embedder and classifier settings, code version), so startup trains only when content changed.
 */
export interface TrainingCache {
  get(key: string): unknown | undefined;
  set(key: string, model: unknown): void;
}

/** The cache key: a SHA-256 over the given parts, in order. */
export function trainingCacheKey(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 32);
}

/** Keeps trained models as JSON files in a folder (created on first write). A broken file is a miss. */
export function createFileTrainingCache(dir: string): TrainingCache {
  return {
    get(key) {
      try {
        return JSON.parse(readFileSync(join(dir, `nlu-${key}.json`), 'utf8'));
      } catch {
        return undefined;
      }
    },
    set(key, model) {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `nlu-${key}.json`);
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(model));
      renameSync(temp, file);
    },
  };
}

/** An in-memory cache, for tests and for processes that should not write files. */
export function createMemoryTrainingCache(): TrainingCache & { readonly size: number } {
  const models = new Map<string, unknown>();
  return {
    get: (key) => models.get(key),
    set: (key, model) => void models.set(key, model),
    get size() {
      return models.size;
    },
  };
}

import type { Database } from 'better-sqlite3';
import { ConfigError } from '../common';
import { createOpenAiEmbedder, createSqliteEmbeddingCache, DEFAULT_OPENAI_EMBEDDING_MODEL, type Embedder } from '../nlu';

/** Which embedder the NLU uses, read from the environment. */
export type EmbedderSettings =
  | { kind: 'sparse' }
  | {
    kind: 'openai';
    apiKey: string;
    baseURL?: string;
    model: string;
    /** How long a guest message waits for its embedding before the offline featuriser ranks it. */
    messageTimeoutMs: number;
  };

/** The default of `COCO_EMBEDDING_TIMEOUT_MS`: a turn never waits longer for a dense embedding. */
export const DEFAULT_EMBEDDING_TIMEOUT_MS = 1500;

/**
 * Reads the embedder settings:
 * - `COCO_NLU_EMBEDDER` = `sparse` (default: offline, no key) or `openai` (dense embeddings);
 * - `OPENAI_API_KEY`, `OPENAI_BASE_URL` (any OpenAI-compatible server), `COCO_EMBEDDING_MODEL`
 *   (default text-embedding-3-small);
 * - `COCO_EMBEDDING_TIMEOUT_MS` (default 1500): how long one guest message waits for its embedding
 *   (one try); after it, or on any error, the offline featuriser ranks that message. Training requests
 *   keep the embedder's own, longer timeout.
 */
export function embedderSettingsFromEnv(env: NodeJS.ProcessEnv): EmbedderSettings {
  const kind = (env.COCO_NLU_EMBEDDER ?? 'sparse').trim().toLowerCase();
  if (kind === 'sparse' || kind === '') return { kind: 'sparse' };
  if (kind !== 'openai') throw new ConfigError('COCO_NLU_EMBEDDER', `unknown embedder "${kind}"`, 'use "sparse" (offline, the default) or "openai"');
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) throw new ConfigError('OPENAI_API_KEY', 'is not set, but COCO_NLU_EMBEDDER=openai needs it', 'set OPENAI_API_KEY (any non-empty value for a local server) or unset COCO_NLU_EMBEDDER');
  const raw = env.COCO_EMBEDDING_TIMEOUT_MS?.trim();
  const messageTimeoutMs = raw ? Number(raw) : DEFAULT_EMBEDDING_TIMEOUT_MS;
  if (!Number.isFinite(messageTimeoutMs) || messageTimeoutMs <= 0) {
    throw new ConfigError('COCO_EMBEDDING_TIMEOUT_MS', `"${env.COCO_EMBEDDING_TIMEOUT_MS}" is not a positive number of milliseconds`, `e.g. COCO_EMBEDDING_TIMEOUT_MS=${DEFAULT_EMBEDDING_TIMEOUT_MS}`);
  }
  return {
    kind: 'openai',
    apiKey,
    baseURL: env.OPENAI_BASE_URL?.trim() || undefined,
    model: env.COCO_EMBEDDING_MODEL?.trim() || DEFAULT_OPENAI_EMBEDDING_MODEL,
    messageTimeoutMs,
  };
}

/** The embedder for the settings; `undefined` means the NLU's default sparse featuriser. */
export function createEmbedder(settings: EmbedderSettings, db?: Database): Embedder | undefined {
  if (settings.kind === 'sparse') return undefined;
  const { apiKey, baseURL, model, messageTimeoutMs } = settings;
  return createOpenAiEmbedder({ apiKey, baseURL, model, messageTimeoutMs, cache: db ? createSqliteEmbeddingCache(db) : undefined });
}

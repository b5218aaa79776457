/**
 * Answers of the model cached by a hash of (model, prompt), so the same question in the same context
 * costs one request: in SQLite for the product (table `llm_cache`), in memory for tests.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { migrateOwnTables } from '../../common';
import type { ChatMessage } from './types';

/** The table the SQLite cache creates if missing. */
export const LLM_CACHE_TABLE = 'llm_cache';

/** A store of model answers by prompt hash. Implementations may throw; the client survives it. */
export interface LlmCache {
  get(key: string): string | undefined;
  set(key: string, model: string, text: string): void;
}

/** What a prompt is made of, beyond its messages. */
export interface PromptParams {
  temperature: number;
  maxTokens: number;
}

/**
 * The cache key of a prompt: hex sha256 over the model, the parameters and the messages.
 *
 * @example promptHash('gpt-4o-mini', [{ role: 'user', content: 'привет' }], { temperature: 0, maxTokens: 300 }) // "5f0c…"
 */
export function promptHash(model: string, messages: readonly ChatMessage[], params: PromptParams): string {
  const canonical = JSON.stringify([model, params.temperature, params.maxTokens, messages.map((m) => [m.role, m.content])]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * An LLM cache in a better-sqlite3 database (e.g. the one of `openDatabase`), creating its table if
 * missing.
 *
 * @param now  when an answer is stored (for pruning by age); the clock is injected, never read here.
 * @example
 * const cache = createSqliteLlmCache(openDatabase('data/coco.db'));
 */
export function createSqliteLlmCache(db: Database, now: () => Date = () => new Date()): LlmCache {
  migrateOwnTables(db, LLM_CACHE_TABLE, [{ version: 1, description: 'grounded answers by prompt', up: (d) => d.exec(`CREATE TABLE IF NOT EXISTS ${LLM_CACHE_TABLE} (
    prompt_sha256 TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    answer TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID`) }]);
  const select = db.prepare<[string], { answer: string }>(`SELECT answer FROM ${LLM_CACHE_TABLE} WHERE prompt_sha256 = ?`);
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT OR REPLACE INTO ${LLM_CACHE_TABLE} (prompt_sha256, model, answer, created_at) VALUES (?, ?, ?, ?)`,
  );
  return {
    get: (key) => select.get(key)?.answer,
    set: (key, model, text) => void upsert.run(key, model, text, now().toISOString()),
  };
}

/** An in-process cache, for tests and one-off runs. */
export function createMemoryLlmCache(): LlmCache & { readonly size: number } {
  const entries = new Map<string, string>();
  return {
    get: (key) => entries.get(key),
    set: (key, _model, text) => void entries.set(key, text),
    get size() {
      return entries.size;
    },
  };
}

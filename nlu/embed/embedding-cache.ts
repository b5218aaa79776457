/**
 * A cache of dense embeddings by model and text, so that a text is sent to the embeddings API once.
 */

export interface EmbeddingCache {
  /** The cached vector of `text` under `model`, or undefined. */
  get(model: string, text: string): Float32Array | undefined;
  set(model: string, text: string, vector: Float32Array): void;
  /** Many lookups at once (one transaction for SQLite); the result is aligned with `texts`. */
  getMany?(model: string, texts: readonly string[]): (Float32Array | undefined)[];
  /** Many writes at once (one transaction for SQLite). */
  setMany?(model: string, entries: ReadonlyArray<readonly [text: string, vector: Float32Array]>): void;
}

/** Looks many texts up, through `getMany` where the cache has it. */
export function cacheGetMany(cache: EmbeddingCache, model: string, texts: readonly string[]): (Float32Array | undefined)[] {
  return cache.getMany ? cache.getMany(model, texts) : texts.map((text) => cache.get(model, text));
}

/** Stores many vectors, through `setMany` where the cache has it. */
export function cacheSetMany(cache: EmbeddingCache, model: string, entries: ReadonlyArray<readonly [string, Float32Array]>): void {
  if (cache.setMany) cache.setMany(model, entries);
  else for (const [text, vector] of entries) cache.set(model, text, vector);
}

/**
 * An in-process cache, for tests and one-off runs. Returns copies, so callers cannot alter cached vectors.
 *
 * @example
 * const embedder = createOpenAiEmbedder({ apiKey, cache: createMemoryEmbeddingCache() });
 */
export function createMemoryEmbeddingCache(): EmbeddingCache {
  const entries = new Map<string, Float32Array>();
  const key = (model: string, text: string) => `${model}\u0000${text}`;
  return {
    get: (model, text) => entries.get(key(model, text))?.slice(),
    set: (model, text, vector) => void entries.set(key(model, text), vector.slice()),
  };
}

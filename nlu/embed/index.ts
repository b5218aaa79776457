/**
 * Embedders of the NLU: turning normalised texts into vectors for the intent classifier.
 */

// The offline sparse featuriser (the default: deterministic, no network)
export { createSparseEmbedder, sparseEmbedderFromJSON, type SparseEmbedder } from './sparse-embedder';
export { DEFAULT_SPARSE_OPTIONS, type SparseEmbedderOptions } from './sparse-options';

// Dense embeddings from an OpenAI-compatible API
export { createOpenAiEmbedder, DEFAULT_OPENAI_EMBEDDING_MODEL, MAX_EMBEDDING_INPUT_CHARS, type OpenAiEmbedderOptions } from './openai-embedder';

// Embedding caches
export { createMemoryEmbeddingCache, type EmbeddingCache } from './embedding-cache';
export { createSqliteEmbeddingCache, EMBEDDING_CACHE_TABLE } from './sqlite-embedding-cache';

// Errors
export { EmbeddingError, type EmbeddingFailureKind } from './embedding-error';
export { EmbedderConfigError } from './embedder-config-error';

// Vector utilities
export { dot, isSparse, l2norm, l2normalise, toDense } from './vector';

// Russian stemming (shared with other parts of the NLU that match words by stem)
export { stemRu } from './russian-stem';

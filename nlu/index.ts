/**
 * The Russian NLU: what a guest wants (intent with a calibrated confidence) and the details they gave
 * (services, branches, masters, time preferences, names, phones).
 */

// Parsing messages
export { FALLBACK_INTENT, Nlu, type NluOptions, type ParseOptions } from './nlu';
export { loadNlu, type LoadNluOptions } from './load';
export { createFileTrainingCache, createMemoryTrainingCache, trainingCacheKey, type TrainingCache } from './training-cache';

// Training data and evaluation
export { NluDataError, parseRasaNlu, readRasaNluFile, type TrainingData, type TrainingExample, intentsOf } from './data';
export { crossValidate, evaluateIntents, type IntentEvaluation, evaluatePredictions, type Prediction } from './evaluate';

// Building blocks
export { boundedDamerauLevenshtein, createEntityExtractor, type EntityExtractor, type CatalogEntity } from './entities';
export { afterGreeting, normaliseForClassifier, foldForMatching, transliterate } from './normalise';

// Embedders: the offline sparse one (and its Russian stemmer), the OpenAI-compatible one, its cache
export { createSparseEmbedder, stemRu, createOpenAiEmbedder, createSqliteEmbeddingCache, DEFAULT_OPENAI_EMBEDDING_MODEL } from './embed';

// Types
export type { Clock, Embedder, Entity, IntentScore, ParseResult, SparseVector, TimeWindow, WhenValue } from './types';

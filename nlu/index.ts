/**
 * The Russian NLU: what a guest wants (intent with a calibrated confidence) and the details they gave
 * (services, branches, masters, time preferences, names, phones).
 */

// Parsing messages
export { FALLBACK_INTENT, Nlu, type NluOptions, type ParseOptions } from './nlu';
export { loadNlu, type LoadNluOptions } from './load';
export { createFileTrainingCache, createMemoryTrainingCache, trainingCacheKey, type TrainingCache } from './training-cache';

// Training data and evaluation
export { NluDataError, parseRasaNlu, readRasaNluFile, type TrainingData, type TrainingExample } from './data';
export { crossValidate, evaluateIntents, type IntentEvaluation } from './evaluate';

// Building blocks
export { createEntityExtractor, type EntityExtractor } from './entities/extract';
export { normaliseForClassifier, foldForMatching } from './normalise';

// Types
export type { Embedder, Entity, IntentScore, ParseResult, TimeWindow, WhenValue } from './types';

/**
 * The salon's FAQ without an LLM: entries staff write in `content/faq/*.yaml`, answers that take their
 * facts from the catalog through `{kind:id}` references, and hybrid retrieval (sparse embeddings + BM25
 * + the NLU's entities).
 */

// Loading and checking
export { loadFaq, readFaqEntries, parseFaqSources, type FaqSource } from './load';

// Retrieval
export { createFaqBase, type FaqBase } from './faq-base';
export {
  DEFAULT_ANSWER_THRESHOLD, DEFAULT_SCORING, EMBEDDING_WEIGHT, LEXICAL_WEIGHT, ENTITY_MATCH_BOOST, ENTITY_MISMATCH_PENALTY, type FaqScoring,
} from './score';

// Rendering answers
export { renderFaqAnswer } from './render';
export { REFERENCE_KINDS } from './references';

// Types
export type { FaqEntry, FaqTags, FaqHit, FaqAnswer, FaqHandover, FaqSearchOptions, FaqAnswerOptions, FaqEntities } from './types';

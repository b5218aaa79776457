/**
 * Catalog entities (service, branch, master) in guests' messages. The public surface of
 * `nlu/entities/catalog/`: import from here, not from the files inside.
 */

// The matcher
export { createCatalogMatcher } from './matcher';
export type { CatalogEntity, CatalogEntityName, CatalogMatcher, CatalogMatcherOptions, ExtraSynonym } from './types';

// Building blocks other extractors may reuse
export { tokenize, normaliseWord, type Token } from './text';
export { boundedDamerauLevenshtein, allowedTypos } from './distance';
export { stemRu } from './stem';

/**
 * TODO(#12) describe nlu/entities
 */

export { createEntityExtractor, type EntityExtractor } from './extract';
export { type CatalogEntity } from './catalog';

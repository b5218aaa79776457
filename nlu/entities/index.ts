/**
 * Entity extraction: services, salons and masters from the catalog (with typos and short forms), dates
 * and time windows, names and phones, each with its span in the message.
 */
export { createEntityExtractor, type EntityExtractor } from './extract';
export type { CatalogEntity } from './catalog';
export { boundedDamerauLevenshtein } from './catalog';

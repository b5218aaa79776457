/**
 * Types of the catalog entity matcher. Entities are the shared `Entity` of `nlu/types.ts`, with one
 * extra field for generic category words.
 */
import type { Entity } from '../../types';

/** The entities this matcher produces. */
export type CatalogEntityName = 'service' | 'branch' | 'master';

/**
 * A catalog entity: `value` is a catalog id. A generic category word ("маникюр", "реснички") gives
 * the category's default service with confidence 0.8 and `category` set to the category id.
 */
export type CatalogEntity = Entity & {
  entity: CatalogEntityName;
  value: string;
  extractor: 'catalog';
  confidence: number;
  category?: string;
  /** A master named after a word that points at a master: «к Орловой», «у Оли», «мастер Анна» (see `masterCue`). */
  cued?: true;
};

/** A synonym from outside the catalog (e.g. annotated training examples). */
export interface ExtraSynonym {
  entity: CatalogEntityName;
  /** A catalog id of that entity. */
  value: string;
  text: string;
}

export interface CatalogMatcherOptions {
  extraSynonyms?: ExtraSynonym[];
}

export interface CatalogMatcher {
  /** Services, branches and masters named in `text`, ordered by position; never throws. */
  match(text: string): CatalogEntity[];
}

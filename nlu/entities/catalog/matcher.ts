/**
 * The catalog entity matcher: finds services, branches and masters in a guest's message, in the
 * words guests use (inflected, diminutive, misspelt), with offsets into the original text.
 */
import type { Catalog } from '../../../salon';
import { CocoError } from '../../../common';
import { compositePhrases } from './composites';
import { masterCue } from './cues';
import { resolveEllipses } from './ellipsis';
import { findCandidates, type Candidate } from './find';
import { appendUnique, catalogDrafts, compilePhrases, extraDrafts, indexPhrases, type PhraseSet } from './phrases';
import { selectCandidates } from './select';
import { tokenize, type Token } from './text';
import type { CatalogEntity, CatalogMatcher, CatalogMatcherOptions } from './types';
import { Vocabulary } from './vocabulary';

// A master's first name with no cue before it may still be a guest's name; after "на" it is a toss-up.
const NO_CUE_FACTOR = 0.9;
const EITHER_CUE_FACTOR = 0.7;

/**
 * Builds the matcher once (indexes of every phrase, stem and typo variant); `match()` is then fast.
 *
 * Values are catalog ids. A generic category word gives the category's default service with
 * confidence 0.8 and `category`; an exact phrase gives 1; a word read as a typo multiplies it by 0.9
 * (one edit) or 0.8 (two). "Любой
 * мастер" gives no master entity: no master means any master. A first name marked
 * `first_name_needs_cue` in the catalog ("Анна") counts only after "к", "у", "мастер"…; any master's
 * name after "на имя", "зовут", "для", "я", "это" is the guest's, not the master's.
 *
 * @throws {CocoError} when an extra synonym names an id that is not in the catalog.
 * @example
 * const matcher = createCatalogMatcher(loadCatalog('content/catalog.yaml'));
 * matcher.match('можно на маникюр с покрытием к Оле на патриках');
 * // → service manicure_gel "маникюр с покрытием", master olga "Оле", branch patriki "патриках"
 */
export function createCatalogMatcher(catalog: Catalog, options: CatalogMatcherOptions = {}): CatalogMatcher {
  const vocabulary = new Vocabulary();
  const phrases = appendUnique([], compilePhrases(catalogDrafts(catalog), vocabulary));
  appendUnique(phrases, compositePhrases(catalog, phrases, vocabulary));
  const { drafts, unknown } = extraDrafts(catalog, options.extraSynonyms ?? []);
  if (unknown.length > 0) {
    const list = unknown.map((e) => `${e.entity} "${e.value}" (for "${e.text}")`).join(', ');
    throw new CocoError(`extra synonyms name ids that are not in the catalog: ${list}`, { hint: 'fix the id in the training data, or add it to content/catalog.yaml' });
  }
  appendUnique(phrases, compilePhrases(drafts, vocabulary));
  vocabulary.freeze();
  const index: MatchIndex = { vocabulary, phrases: indexPhrases(phrases), categoryOf: new Map(catalog.services.map((s) => [s.id, s.category])) };
  return {
    match(text: string): CatalogEntity[] {
      try {
        return typeof text === 'string' ? matchText(text, index) : [];
      } catch {
        // An entity extractor must never break a turn; a missed entity is asked for again.
        return [];
      }
    },
  };
}

interface MatchIndex {
  vocabulary: Vocabulary;
  phrases: PhraseSet;
  /** Service id → category id. */
  categoryOf: ReadonlyMap<string, string>;
}

function matchText(text: string, { vocabulary, phrases, categoryOf }: MatchIndex): CatalogEntity[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const hits = tokens.map((t) => vocabulary.hits(t.norm));
  const found = findCandidates(text, tokens, hits, phrases).flatMap((c) => applyMasterCue(c, text, tokens));
  const candidates = resolveEllipses(found, text, tokens, categoryOf);
  const entities = withoutYieldedSynonyms(selectCandidates(candidates, tokens), categoryOf).map((c) => toEntity(c, text, tokens));
  return mergeNeighbouringMasters(dropRedundantCategoryWords(entities), text);
}

/** «покрытие ногтей на ногах»: a shared synonym gives way when a service of a category it yields to is named too. */
function withoutYieldedSynonyms(chosen: Candidate[], categoryOf: ReadonlyMap<string, string>): Candidate[] {
  if (!chosen.some((c) => c.phrase.yieldsTo)) return chosen;
  const categories = new Set(chosen.filter((c) => c.phrase.entity === 'service' && !c.phrase.yieldsTo).map((c) => c.phrase.category ?? categoryOf.get(c.phrase.value)));
  return chosen.filter((c) => !c.phrase.yieldsTo?.some((category) => categories.has(category)));
}

/** Drops or weakens a master's name by the word before it; other candidates pass unchanged. */
function applyMasterCue(c: Candidate, text: string, tokens: readonly Token[]): Candidate[] {
  if (c.phrase.entity !== 'master') return [c];
  const cue = masterCue(text, tokens, c.first);
  if (cue === 'guest') return [];
  if (c.phrase.needsCue && cue !== 'master') return [];
  // Names have too many everyday neighbours one letter away (марина/малина): a typo needs "к", "у"….
  if (c.typo && cue !== 'master') return [];
  if (cue === 'either') return [{ ...c, confidence: c.confidence * EITHER_CUE_FACTOR }];
  if (c.phrase.nameOnly && cue === 'none') return [{ ...c, confidence: c.confidence * NO_CUE_FACTOR }];
  return cue === 'master' ? [{ ...c, cued: true }] : [c];
}

function toEntity(c: Candidate, text: string, tokens: readonly Token[]): CatalogEntity {
  const start = tokens[c.first].start;
  const end = tokens[c.last].end;
  const entity: CatalogEntity = {
    entity: c.phrase.entity, value: c.phrase.value, start, end, text: text.slice(start, end),
    extractor: 'catalog', confidence: Math.round(c.confidence * 100) / 100,
  };
  if (c.phrase.category) entity.category = c.phrase.category;
  if (c.cued) entity.cued = true;
  return entity;
}

/**
 * A generic word adds nothing once its default service is named exactly: in "гель лак на ногти" the
 * guest wants manicure_gel once, and "ногти" is not a second booking of it.
 */
function dropRedundantCategoryWords(entities: CatalogEntity[]): CatalogEntity[] {
  const named = new Set(entities.filter((e) => e.entity === 'service' && !e.category).map((e) => e.value));
  return entities.filter((e) => !(e.category && named.has(e.value)));
}

/** "Оля Смирнова" written as two known names of one master is one entity. */
function mergeNeighbouringMasters(entities: CatalogEntity[], text: string): CatalogEntity[] {
  const out: CatalogEntity[] = [];
  for (const e of entities) {
    const last = out[out.length - 1];
    if (last && e.entity === 'master' && last.entity === 'master' && last.value === e.value && /^\s+$/.test(text.slice(last.end, e.start))) {
      last.end = e.end;
      last.text = text.slice(last.start, last.end);
      last.confidence = Math.max(last.confidence, e.confidence);
    } else {
      out.push(e);
    }
  }
  return out;
}

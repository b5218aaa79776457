import type { Catalog } from '../../salon';
import type { TrainingData } from '../data';
import type { Entity, WhenValue } from '../types';
import { createCatalogMatcher } from './catalog';
import { extractWhen } from './datetime';
import { extractGuestName } from './guest-name';
import { resolveOverlaps } from './overlaps';
import { extractPhones } from './phone';
import { compileRegexEntities, matchRegexEntities } from './regex-entities';

/** Extracts every entity of a message at a given moment. */
export type EntityExtractor = (text: string, now: Date) => Entity[];

const PRIORITY = ['phone', 'catalog', 'datetime', 'name', 'regex'] as const;
const RULE_ENTITIES = new Set(['phone', 'service', 'branch', 'master', 'when', 'past_when', 'guest_name']);

/**
 * How far back `past_when` reads a day: a visit a guest complains about is recent (the guarantees run
 * for days, the complaint flow searches 60 days of history).
 */
export const PAST_HORIZON_DAYS = 60;

/**
 * Builds the entity extractor from the catalog and the training data's synonyms and regexes:
 * catalog entities (service, branch, master), `when`, `past_when`, `phone`, `guest_name`, and any
 * other regex entity.
 *
 * `when` looks ahead (an appointment: "в субботу" is the coming one); `past_when` reads the same words
 * looking back (a visit: "в субботу" is the last one, "вчера" and "21 ноября" count), and only when
 * they name a day of the last {@link PAST_HORIZON_DAYS} days ("завтра" gives none).
 */
export function createEntityExtractor(catalog: Catalog, training?: Pick<TrainingData, 'synonyms' | 'regexes'>): EntityExtractor {
  const matcher = createCatalogMatcher(catalog, { extraSynonyms: catalogSynonyms(catalog, training?.synonyms ?? []) });
  // Regexes for entities a dedicated extractor already finds (e.g. phone) would only duplicate it.
  const regexes = compileRegexEntities((training?.regexes ?? []).filter((r) => !RULE_ENTITIES.has(r.name)));
  const { dayStart, dayEnd } = chainHours(catalog);

  return (text, now) => {
    const catalogEntities = matcher.match(text);
    const phones = extractPhones(text);
    const when = extractWhen(text, { now, dayStart, dayEnd });
    const pastWhen = extractWhen(text, { now, dayStart, dayEnd, direction: 'past', horizonDays: PAST_HORIZON_DAYS })
      .filter((e) => (e.value as WhenValue).windows.length > 0)
      .map((e): Entity => ({ ...e, entity: 'past_when' }));
    const taken = [...catalogEntities, ...phones].map(({ start, end }) => ({ start, end }));
    const names = extractGuestName(text, { exclude: taken });
    const custom = matchRegexEntities(text, regexes);
    return resolveOverlaps([...phones, ...catalogEntities, ...when, ...pastWhen, ...names, ...custom], PRIORITY);
  };
}

/** Training-data synonyms whose value is a catalog id become extra surface forms of that id. */
function catalogSynonyms(catalog: Catalog, synonyms: Array<{ value: string; texts: string[] }>) {
  const kindOf = new Map<string, 'service' | 'branch' | 'master'>([
    ...catalog.services.map((s) => [s.id, 'service'] as const),
    ...catalog.branches.map((b) => [b.id, 'branch'] as const),
    ...catalog.masters.map((m) => [m.id, 'master'] as const),
  ]);
  return synonyms.flatMap(({ value, texts }) => {
    const entity = kindOf.get(value);
    return entity ? texts.map((text) => ({ entity, value, text })) : [];
  });
}

/** The chain's earliest opening and latest closing, which bound "утром" and "вечером". */
export function chainHours(catalog: Catalog): { dayStart: string; dayEnd: string } {
  const spans = catalog.branches.flatMap((b) => Object.values(b.hours)).filter((h): h is string => !!h);
  const opens = spans.map((h) => h.split('-')[0]).sort();
  const closes = spans.map((h) => h.split('-')[1]).sort();
  return { dayStart: opens[0] ?? '09:00', dayEnd: closes[closes.length - 1] ?? '22:00' };
}

/**
 * A short question is read against the conversation (#13): «а сколько это будет стоить?» while a
 * manicure is being booked asks the manicure's price, «а где тогда?» after «на Патриках» asks that salon's
 * address. The salon things the question does not name itself are taken from the flow being run (its
 * service, salon and master), or else from what the guest named last.
 */
import type { Entity } from '../../nlu';

/** The slots of a flow that name salon things, and the entity each holds. */
const CONTEXT_SLOTS: Readonly<Record<string, string>> = { service: 'service', branch: 'branch', master: 'master' };
/** A follow-up is short: a long question says all it asks. */
const MAX_FOLLOW_UP_WORDS = 8;

/**
 * The question's entities with the conversation's salon things of the kinds it does not name; only
 * those of the question when it is not short.
 *
 * @example questionEntities('а сколько это будет стоить?', [], { service: ['manicure_gel'] }, undefined)
 * // [{ entity: 'service', value: 'manicure_gel', … }]
 */
export function questionEntities(text: string, entities: readonly Entity[], slots: Readonly<Record<string, unknown>>, mentioned: readonly Entity[] | undefined): Entity[] {
  if (text.split(/\s+/u).filter(Boolean).length > MAX_FOLLOW_UP_WORDS) return [...entities];
  const named = new Set(entities.map((e) => e.entity));
  const fromFlow = Object.entries(CONTEXT_SLOTS).flatMap(([slot, entity]) => {
    const value = slots[slot];
    if (value === undefined || value === null || value === 'any' || named.has(entity)) return [];
    return (Array.isArray(value) ? value : [value]).map((v) => contextEntity(entity, v));
  });
  const kinds = new Set([...named, ...fromFlow.map((e) => e.entity)]);
  const fromMemory = (mentioned ?? []).filter((e) => !kinds.has(e.entity));
  return [...entities, ...fromFlow, ...fromMemory];
}

/** An entity the conversation supplies: no span of the question's own text. */
function contextEntity(entity: string, value: unknown): Entity {
  return { entity, value, start: 0, end: 0, text: '', confidence: 1 };
}

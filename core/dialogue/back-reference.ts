/**
 * «Сколько стоит педикюр?» — «Запишите меня на него»: a request that points back at what the guest just
 * named. The conversation remembers the salon things the guest named last (services, salons, masters),
 * and a flow started by a message that refers back to them gets them where the message names nothing.
 */
import type { Entity } from '../../nlu';

/** The entities a guest's "it" can point at. */
const REMEMBERED = new Set(['service', 'branch', 'master']);
/** Below this an entity is a guess: not worth remembering. */
const MIN_CONFIDENCE = 0.7;

/** «на него», «на неё», «на это», «туда же», «эту услугу»: a pointer to something named before. */
const POINTS_BACK =
  /(?:^|[^\p{L}])(?:на\s+(?:него|неё|нее|них|это|эту|этот|эти|то\s+же\s+самое)|туда\s+же|туда|к\s+(?:ней|нему)\s+же|(?:эту|эти|этой)\s+(?:услуг\p{L}*|процедур\p{L}*))(?![\p{L}])/iu;

/** What a message names that a later «на него» may point at (nothing when it names none of them). */
export function namedThings(entities: readonly Entity[]): Entity[] {
  return entities.filter((e) => REMEMBERED.has(e.entity) && (e.confidence ?? 1) >= MIN_CONFIDENCE);
}

/**
 * The message's entities with the remembered ones it points back at: the kinds the message does not
 * name itself; none when it does not point back.
 *
 * @example
 * withBackReferences('запишите меня на него в четверг', entities, [{ entity: 'service', value: 'pedicure_gel', … }])
 * // entities + the pedicure
 */
export function withBackReferences(text: string, entities: readonly Entity[], remembered: readonly Entity[] | undefined): Entity[] {
  if (!remembered?.length || !POINTS_BACK.test(text)) return [...entities];
  const named = new Set(entities.map((e) => e.entity));
  return [...entities, ...remembered.filter((e) => !named.has(e.entity))];
}

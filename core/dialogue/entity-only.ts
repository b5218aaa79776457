/**
 * "маникюр", "на Патриарших", "к Ольге в пятницу": a message that is nothing but the things it names
 * (services, branches, masters, times, a phone) answers the question it was asked. The classifier still
 * reads "маникюр" as a booking request — most booking examples are exactly that — but inside a complaint
 * or a reschedule it is the service of the visit, not a new booking. A request has words of its own
 * besides the entities: "запишите на маникюр", "хочу перенести на пятницу".
 */
import type { Entity } from '../../nlu';

/** Words that carry no request of their own: prepositions, particles, politeness, hesitation. */
const FUNCTION_WORDS = new Set([
  'а', 'и', 'но', 'да', 'нет', 'хотя', 'ну', 'ой', 'же', 'ли', 'бы', 'то', 'уж', 'вот', 'так', 'тогда', 'лучше', 'можно', 'пожалуйста', 'плиз', 'плз',
  'в', 'во', 'на', 'к', 'ко', 'у', 'с', 'со', 'до', 'после', 'от', 'по', 'за', 'из', 'о', 'об', 'или', 'тоже', 'еще', 'все', 'таки',
  'точнее', 'вернее', 'наверное', 'это', 'была', 'был', 'были', 'мастер', 'мастеру', 'мастера', 'салон', 'салоне', 'филиал', 'филиале',
]);

/**
 * True when, besides its entities, the text holds only function words and punctuation.
 *
 * @example
 * saysOnlyEntities('маникюр', [{ entity: 'service', start: 0, end: 7, … }])           // true
 * saysOnlyEntities('запишите на маникюр', [{ entity: 'service', start: 12, end: 19, … }]) // false
 */
export function saysOnlyEntities(text: string, entities: readonly Entity[]): boolean {
  if (entities.length === 0) return false;
  let rest = text;
  for (const entity of [...entities].sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, entity.start)} ${rest.slice(entity.end)}`;
  const words = rest.toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.every((word) => FUNCTION_WORDS.has(word));
}

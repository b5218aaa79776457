/**
 * A list slot (the services of a booking) edited by what the guest says about its items: «вместо»,
 * «без», «кроме», «не …, а …», «уберите» take items out, «только» keeps nothing but what it names, «ещё»,
 * «добавьте», «плюс», «тоже» add to what was chosen. These never add an item they take out. A message
 * with no such word names the list anew («хотя нет, лучше педикюр»), as before.
 */
import type { Entity } from '../../../nlu';

/** Before an item: it is taken out («без маникюра», «вместо маникюра», «не маникюр», «уберите маникюр»). */
const REMOVED_BEFORE = /(?:^|[^\p{L}])(?:без|кроме|вместо|не|нет|убер\p{L}*|убрать|отмен\p{L}*|минус)[\s,]+(?:(?:на|в|во|с|со)\s+)?$/iu;
/** Before an item: only it is wanted («только педикюр», «лишь ресницы»). */
const ONLY_BEFORE = /(?:^|[^\p{L}])(?:только|лишь|один|одна|одно|просто)[\s,]+(?:(?:на|в|во)\s+)?$/iu;
/** Anywhere: the items are added to what was chosen. */
const ADDS = /(?:^|[^\p{L}])(?:ещ[её]|добав\p{L}*|плюс|тоже|также|дополнительно|вдобавок|заодно)(?![\p{L}])/iu;
/** How far before an item its cue may stand. */
const CUE_REACH = 16;

/**
 * The list after the message: `current` edited by the items it names in `found`. Undefined when the
 * message changes nothing; null when it takes every item out (the flow asks again).
 *
 * @example editedList(['manicure_gel'], [pedicure, manicure], 'педикюр вместо маникюра') // ['pedicure_gel']
 * @example editedList(['manicure_gel', 'brow_shape'], [manicure], 'без маникюра')       // ['brow_shape']
 */
export function editedList(current: unknown, found: readonly Entity[], text: string): unknown[] | null | undefined {
  const chosen = Array.isArray(current) ? current : [];
  const before = (e: Entity) => text.slice(Math.max(0, e.start - CUE_REACH), e.start);
  const removed = new Set(found.filter((e) => REMOVED_BEFORE.test(before(e))).map((e) => e.value));
  const named = unique(found.filter((e) => !removed.has(e.value)).map((e) => e.value));
  const only = found.some((e) => ONLY_BEFORE.test(before(e)));
  if (removed.size === 0 && !only && !ADDS.test(text)) return named.length > 0 ? named : undefined;
  const base = only ? [] : chosen.filter((value) => !removed.has(value));
  const next = unique([...base, ...named]);
  if (next.length === 0) return removed.size > 0 && chosen.length > 0 ? null : undefined;
  return next;
}

function unique(values: readonly unknown[]): unknown[] {
  return [...new Set(values)];
}

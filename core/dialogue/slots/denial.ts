import type { Entity } from '../../../nlu';
import type { Understanding } from '../understand';

/** Words that only say no: while another answer is being corrected they belong to the correction. */
export const BARE_NO = new Set(['нет', 'нету', 'не']);

/** The message says «не»/«нет» or names a service, time, master or branch: it is not a plain "do it". */
export function refusesOrNamesOther(understanding: Understanding): boolean {
  return understanding.entities.length > 0 || /(?:^|[^\p{L}])(?:не|нет)(?![\p{L}])/iu.test(understanding.text);
}

/** «не»/«нет» right before an entity, with at most a preposition between: «не на Тверской», «не Ольга». */
const DENIED_BEFORE = /(?:^|[^\p{L}])(?:не|нет)[\s,]+(?:(?:на|в|во|у|к|ко|с|со|за|по)\s+)?$/iu;

/**
 * The entities the guest does not deny: of «не на Тверской, а в Сити» only «Сити». When every one is denied
 * (or none is), all are kept: a lone «не в пятницу» is left to the flow.
 */
export function withoutDenied(found: readonly Entity[], text: string): readonly Entity[] {
  if (found.length < 2) return found;
  const kept = found.filter((e) => !DENIED_BEFORE.test(text.slice(Math.max(0, e.start - 12), e.start)));
  return kept.length > 0 ? kept : found;
}


import type { Command } from '../../commands';
import { holdsTheFloor, onlyHesitates } from '../../slots';
import type { Reading } from '../reading';
import { saysStop } from './stop';

/**
 * «мм», «одну минуту», «щас гляну», «секундочку, сверюсь с календарём»: the guest holds the floor. Whatever
 * the classifier guesses for so few words (a greeting, small talk, «стоп»), it is no answer and no
 * request: the flow asks its question again (and counts it, as for any message it cannot use).
 */
export function holdTheFloorRule(r: Reading): Command[] | undefined {
  const { u, values, forCaller } = r;
  if (!r.active || u.payload || Object.keys(values).length > 0 || Object.keys(forCaller).length > 0) return undefined;
  if (!(onlyHesitates(u.text) || holdsTheFloor(u.text)) || saysStop(u.text)) return undefined;
  return [{ kind: 'cannot_handle' }];
}

/** One slip of the finger: a letter wrong, missing, extra, or two neighbours swapped («разниы», «поечм»). */
import { boundedDamerauLevenshtein } from '../../../nlu';

/** True when `a` becomes `b` by one substitution, insertion, deletion or swap of neighbours. */
export function oneSlipApart(a: string, b: string): boolean {
  return boundedDamerauLevenshtein(a, b, 1) === 1;
}

/** Words this long or longer are recognised with one slip; shorter ones must be typed right. */
export const SLIP_TOLERANT_LENGTH = 5;

/** True when the written word is the word meant, typed right or (if long enough) with one slip. */
export function sameWord(written: string, meant: string): boolean {
  return written === meant || (meant.length >= SLIP_TOLERANT_LENGTH && oneSlipApart(written, meant));
}

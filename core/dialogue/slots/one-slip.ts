/** One slip of the finger: a letter wrong, missing, extra, or two neighbours swapped («разниы», «поечм»). */

/** True when `a` becomes `b` by one substitution, insertion, deletion or swap of neighbours. */
export function oneSlipApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Words this long or longer are recognised with one slip; shorter ones must be typed right. */
export const SLIP_TOLERANT_LENGTH = 5;

/** True when the written word is the word meant, typed right or (if long enough) with one slip. */
export function sameWord(written: string, meant: string): boolean {
  return written === meant || (meant.length >= SLIP_TOLERANT_LENGTH && oneSlipApart(written, meant));
}

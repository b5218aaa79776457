/**
 * "Did you mean …?": the known name nearest to a misspelt one, for error hints. Imports nothing else
 * of the project.
 */

/**
 * The candidate nearest to `value` by edit distance (case ignored), when it is close enough to be a
 * typo: at most `maxDistance` edits, by default a third of the word (between 1 and 3 edits).
 *
 * @example closest('gest_name', ['guest_name', 'price']); // 'guest_name'
 * @example closest('manicur_gel', ['manicure_gel', 'blowout'], 3); // 'manicure_gel'
 */
export function closest(value: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const wanted = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = (maxDistance ?? Math.min(3, Math.max(1, Math.round(wanted.length / 3)))) + 1;
  for (const candidate of candidates) {
    const d = editDistance(wanted, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance between two short strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Seeded mutations of valid payloads for fuzz tests: a field removed, or replaced by a value of the wrong
 * type. The same seed gives the same mutations, so a failure can be replayed.
 */

export { seededRandom } from '../../nlu/classify/random';

/** Values of the wrong type for almost any field. */
const WRONG_VALUES: readonly unknown[] = [null, 0, -1, 42.5, 1e308, '', 'x', '  ', 'NaN', true, false, [], [null], {}, { id: 1 }, '7:8'];

export type Path = Array<string | number>;

/** Every path inside a value (objects and arrays), the root excluded. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const paths: Path[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    paths.push(path, ...pathsOf(child, path));
  }
  return paths;
}

/**
 * A copy of `value` with 1–3 mutations at paths under `under` (default: anywhere): each removes the field
 * or gives it a wrong-typed value. Returns the copy and what was done (for a failure message).
 */
export function mutate<T>(value: T, random: () => number, under: Path = []): { mutated: T; changes: string[] } {
  const mutated = structuredClone(value);
  const changes: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const candidates = pathsOf(mutated).filter((p) => under.every((part, j) => p[j] === part) && p.length >= Math.max(under.length, 1));
    if (candidates.length === 0) break;
    const path = candidates[Math.floor(random() * candidates.length)];
    const parent = path.slice(0, -1).reduce((node: any, part) => node[part], mutated as any);
    const key = path[path.length - 1];
    // The item under `under` keeps its place in its array (its neighbours are the test's controls).
    const isRoot = under.length > 0 && path.length === under.length;
    if (random() < 0.35 && !(isRoot && Array.isArray(parent))) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      changes.push(`removed ${path.join('.')}`);
    } else {
      const wrong = WRONG_VALUES[Math.floor(random() * WRONG_VALUES.length)];
      parent[key] = structuredClone(wrong);
      changes.push(`${path.join('.')} = ${JSON.stringify(wrong)}`);
    }
  }
  return { mutated, changes };
}

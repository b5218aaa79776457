import type { Entity } from '../types';

/**
 * Drops entities that collide with a stronger one. `when` and `past_when` may span other entities
 * ("в пятницу на маникюр после 6" is one time preference around a service), so they only collide
 * with phones and their own kind (the two are readings of the same words); every other pair of overlapping entities keeps the one found by the higher-priority
 * extractor, then the longer, then the earlier.
 */
export function resolveOverlaps(entities: Entity[], priority: readonly string[]): Entity[] {
  const rank = (e: Entity) => {
    const at = priority.indexOf(e.extractor ?? '');
    return at < 0 ? priority.length : at;
  };
  const ordered = [...entities].sort((a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Entity[] = [];
  for (const candidate of ordered) {
    if (!kept.some((k) => collides(k, candidate))) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function collides(a: Entity, b: Entity): boolean {
  if (a.start >= b.end || b.start >= a.end) return false;
  const spansOthers = (e: Entity) => e.entity === 'when' || e.entity === 'past_when';
  if (spansOthers(a) !== spansOthers(b)) return a.entity === 'phone' || b.entity === 'phone';
  return a.entity === b.entity || !spansOthers(a);
}

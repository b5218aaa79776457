/**
 * Chooses which found phrases become entities: the longest first ("маникюр с покрытием" over
 * "маникюр"), then the surest, then the earliest; a phrase overlapping an already chosen one of the
 * same entity is dropped. Entities of different kinds may overlap.
 */
import type { Candidate } from './find';
import type { Token } from './text';

/** Non-overlapping candidates per entity kind, in text order. */
export function selectCandidates(candidates: readonly Candidate[], tokens: readonly Token[]): Candidate[] {
  const span = (c: Candidate) => tokens[c.last].end - tokens[c.first].start;
  const ranked = [...candidates].sort((a, b) =>
    (b.last - b.first) - (a.last - a.first) || span(b) - span(a) || b.confidence - a.confidence || a.first - b.first);
  const taken = new Map<string, Uint8Array>();
  const chosen: Candidate[] = [];
  for (const c of ranked) {
    let used = taken.get(c.phrase.entity);
    if (!used) taken.set(c.phrase.entity, (used = new Uint8Array(tokens.length)));
    let free = true;
    for (let t = c.first; t <= c.last && free; t++) free = used[t] === 0;
    if (!free) continue;
    used.fill(1, c.first, c.last + 1);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.first - b.first || a.phrase.entity.localeCompare(b.phrase.entity));
}

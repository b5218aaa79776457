/**
 * Two runs of the transcript suite compared case by case: which outcomes flipped (passed ↔ failed),
 * which behaved differently while keeping their outcome, and where each first diverged.
 */
import { fingerprintOf, type CaseOutcome, type TurnTrace } from './outcome';

/** A case that did not do the same in both runs. */
export interface CaseChange {
  id: string;
  /** Passed in one run and failed in the other. */
  outcomeChanged: boolean;
  before: CaseOutcome;
  after: CaseOutcome;
  /** The first turn whose behaviour differs (undefined when only the end state does). */
  divergence?: { before?: TurnTrace; after?: TurnTrace };
  /** Turns before the divergence, and it, whose intent differs: what the NLU read otherwise. */
  intentChanges: Array<{ before: TurnTrace; after: TurnTrace }>;
}

/** The changes of a run against the baseline. */
export interface SuiteComparison {
  changes: CaseChange[];
  /** How many cases changed their outcome. */
  outcomesChanged: number;
  /** How many cases behaved differently (those with a changed outcome included). */
  behaviourChanged: number;
}

/**
 * Compares a run with the baseline, by case id; a case missing from either run counts as changed.
 *
 * @example
 * const { outcomesChanged } = compareRuns(baseline, afterAddingAnExample);
 */
export function compareRuns(baseline: readonly CaseOutcome[], run: readonly CaseOutcome[]): SuiteComparison {
  const byId = new Map(run.map((o) => [o.id, o]));
  const changes: CaseChange[] = [];
  for (const before of baseline) {
    const after = byId.get(before.id) ?? { id: before.id, passed: false, turns: [], endState: 'missing from the run' };
    if (after.passed === before.passed && fingerprintOf(after) === fingerprintOf(before)) continue;
    changes.push(describeChange(before, after));
  }
  return { changes, outcomesChanged: changes.filter((c) => c.outcomeChanged).length, behaviourChanged: changes.length };
}

function describeChange(before: CaseOutcome, after: CaseOutcome): CaseChange {
  const turns = Math.max(before.turns.length, after.turns.length);
  let at = 0;
  while (at < turns && before.turns[at]?.behaviour === after.turns[at]?.behaviour) at++;
  const intentChanges: CaseChange['intentChanges'] = [];
  for (let i = 0; i <= Math.min(at, turns - 1); i++) {
    const [b, a] = [before.turns[i], after.turns[i]];
    if (b && a && (b.intent !== a.intent || i === at)) intentChanges.push({ before: b, after: a });
  }
  return {
    id: before.id,
    outcomeChanged: before.passed !== after.passed,
    before,
    after,
    ...(at < turns && { divergence: { before: before.turns[at], after: after.turns[at] } }),
    intentChanges,
  };
}

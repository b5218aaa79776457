/**
 * What the stability benchmark prints: one row per added example, the totals, and for every changed
 * case where it diverged and what the NLU read there before and after.
 */
import type { CaseChange, SuiteComparison } from './compare';
import type { StabilityExample } from './examples';
import type { TurnTrace } from './outcome';

/** One added example and what it changed. */
export interface ExampleResult {
  example: StabilityExample;
  comparison: SuiteComparison;
  ms: number;
}

/** The table: example, intent, cases whose outcome changed (by name), behaviour changes. */
export function formatTable(results: readonly ExampleResult[]): string {
  const rows = results.map(({ example, comparison }, i) => {
    const flipped = comparison.changes.filter((c) => c.outcomeChanged).map((c) => shortName(c.id));
    const named = flipped.length > 3 ? `${flipped.slice(0, 3).join('; ')}; and ${flipped.length - 3} more` : flipped.join('; ');
    return `${String(i + 1).padStart(2)}  ${example.intent.padEnd(12)} ${clip(`«${example.text}»`, 50).padEnd(52)} ${String(comparison.outcomesChanged).padStart(3)} ${String(comparison.behaviourChanged).padStart(3)}  ${named}`;
  });
  return [` #  ${'intent'.padEnd(12)} ${'example'.padEnd(52)} out beh  outcome changed in`, ...rows].join('\n');
}

/** Totals over all examples. */
export function formatTotals(results: readonly ExampleResult[], cases: number): string {
  const outcomes = results.map((r) => r.comparison.outcomesChanged);
  const behaviour = results.map((r) => r.comparison.behaviourChanged);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const range = (xs: number[]) => (xs.length ? `${Math.min(...xs)}–${Math.max(...xs)}` : '–');
  const moved = results.filter((r) => r.comparison.outcomesChanged > 0).length;
  return [
    `examples: ${results.length}, transcript cases: ${cases}`,
    `outcomes changed (passed ↔ failed): ${sum(outcomes)} in all, ${range(outcomes)} per example; ${moved} of ${results.length} examples changed at least one (target 0)`,
    `behaviour changed (any reply, flow, awaited slot, event or end state): ${sum(behaviour)} in all, ${range(behaviour)} per example`,
  ].join('\n');
}

/** For each changed case: the turn where it first diverged and what the NLU read there, before → after. */
export function formatCauses(result: ExampleResult): string {
  const lines: string[] = [];
  for (const change of result.comparison.changes) lines.push(...describe(change));
  return lines.length ? [`«${result.example.text}» (${result.example.intent}):`, ...lines].join('\n') : '';
}

function describe(change: CaseChange): string[] {
  const status = (passed: boolean) => (passed ? 'passed' : 'failed');
  const head = `  ${change.outcomeChanged ? 'OUTCOME' : 'behaviour'}  ${change.id}  (${status(change.before.passed)} → ${status(change.after.passed)})`;
  const lines = [head];
  for (const { before, after } of change.intentChanges) {
    lines.push(`    step ${before.step} «${clip(before.input, 60)}»: ${reading(before)} → ${reading(after)}`);
  }
  const { divergence } = change;
  if (divergence) {
    lines.push(`      before: ${divergence.before?.behaviour ?? '(no such turn)'}`);
    lines.push(`      after:  ${divergence.after?.behaviour ?? '(no such turn)'}`);
  } else {
    lines.push('      only the end state differs');
  }
  return lines;
}

function reading(turn: TurnTrace): string {
  return `${turn.intent ?? '—'} ${turn.confidence.toFixed(2)} [${turn.ranking}]`;
}

function shortName(id: string): string {
  return clip(id.split(' › ').pop() ?? id, 45);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

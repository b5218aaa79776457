/**
 * Runs transcripts: selects cases (by name and tags; known bugs only when asked for), runs each in
 * isolation and records the flows' coverage over the run.
 */
import { createAssistant } from '../app';
import { createDemoCrm } from '../crm';
import type { FlowSet } from '../core';
import type { TranscriptEnvironment } from './case-assistant';
import { CoverageRecorder, type CoverageReport } from './coverage';
import { runCase, type CaseRun } from './run-case';
import { DEFAULT_NOW, KNOWN_BUG_TAG, type CaseSpec, type TranscriptFile } from './types';

/** Which cases run. */
export interface Selection {
  /** Only cases whose name contains this text (case-insensitive). */
  grep?: string;
  /** Only cases with at least one of these tags. Naming `known-bug` runs the known bugs too. */
  tags?: string[];
}

/** A case and whether it runs. */
export interface SelectedCase {
  spec: CaseSpec;
  /** Why it does not run, or undefined when it runs. */
  skip?: string;
}

/**
 * The cases of the files that match the selection, in file order; known bugs are there but skipped
 * unless the selection names their tag.
 */
export function selectCases(files: readonly TranscriptFile[], selection: Selection = {}): SelectedCase[] {
  const grep = selection.grep?.toLowerCase();
  const tags = selection.tags ?? [];
  return files
    .flatMap((f) => f.cases)
    .filter((c) => (!grep || c.name.toLowerCase().includes(grep)) && (tags.length === 0 || c.tags.some((t) => tags.includes(t))))
    .map((spec) => (spec.tags.includes(KNOWN_BUG_TAG) && !tags.includes(KNOWN_BUG_TAG) ? { spec, skip: `a known bug (run it with --tag ${KNOWN_BUG_TAG})` } : { spec }));
}

/** Everything a run gives. */
export interface RunResult {
  cases: CaseRun[];
  coverage: CoverageReport;
  durationMs: number;
}

/**
 * Runs the selected cases one after another, each on its own assistant; skipped cases are reported as
 * such. `onCase` sees each case as it finishes (progress output).
 */
export async function runTranscripts(
  cases: readonly SelectedCase[],
  env: Omit<TranscriptEnvironment, 'inspect'>,
  options: { onCase?: (run: CaseRun) => void; coverage?: CoverageRecorder; timer?: () => number } = {},
): Promise<RunResult> {
  const timer = options.timer ?? (() => performance.now());
  const started = timer();
  const coverage = options.coverage ?? new CoverageRecorder();
  const runs: CaseRun[] = [];
  for (const { spec, skip } of cases) {
    const run: CaseRun = skip ? { spec, status: 'skipped', steps: [], error: skip, durationMs: 0 } : await runCase(spec, { ...env, inspect: coverage.inspector }, timer);
    runs.push(run);
    options.onCase?.(run);
  }
  return { cases: runs, coverage: coverage.report(flowSetOf(env)), durationMs: Math.round(timer() - started) };
}

/** The flows as the cases run them (compiled with the salon's registry), for the coverage report. */
export function flowSetOf(env: Pick<TranscriptEnvironment, 'nlu' | 'content' | 'contentDir' | 'flowsDir'>): FlowSet {
  const clock = () => new Date(DEFAULT_NOW);
  const assistant = createAssistant({
    ...env, database: ':memory:', clock, crm: (db, { catalog, rules }) => createDemoCrm({ db, catalog, rules, clock, seed: false }),
  });
  assistant.close();
  return assistant.flows;
}

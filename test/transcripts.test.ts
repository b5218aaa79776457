/**
 * The dialog transcripts (test/transcripts/**\/*.yaml) as a part of the test suite: one test per case,
 * failing with the transcript's diff (step, file:line, expected and actual turn), known bugs skipped,
 * and then the flow coverage the shipped transcripts must reach. `npx coco test` runs the same cases.
 */
import { expect } from 'chai';
import { join, relative } from 'node:path';
import { loadContent, type AssistantContent } from '../app/assistant';
import {
  CoverageRecorder, flowSetOf, formatCoverage, formatFailure, loadTranscripts, runCase, selectCases, type TranscriptEnvironment,
} from '../qa';
import { CONTENT_DIR, shippedNlu } from './support/content';

const ROOT = join(__dirname, '..');
/** The share of the shipped flows' steps the transcripts must reach. */
const MIN_STEP_COVERAGE = 90;

// Paths in messages are relative to the project, as `coco test` shows them.
const { files, problems } = loadTranscripts([relative(process.cwd(), join(__dirname, 'transcripts')) || '.']);
const cases = selectCases(files);
const coverage = new CoverageRecorder();
let env: Omit<TranscriptEnvironment, 'inspect'> | undefined;
let content: AssistantContent | undefined;
let ran = 0;

/** The NLU trained once per run (shared with the other tests), the shipped content and flows. */
async function environment(): Promise<Omit<TranscriptEnvironment, 'inspect'>> {
  content ??= loadContent({ contentDir: CONTENT_DIR });
  env ??= { nlu: await shippedNlu(), content, contentDir: CONTENT_DIR, flowsDir: join(ROOT, 'flows') };
  return env;
}

describe('transcripts', function () {
  // Training the NLU (once per run) may fall on the first case.
  this.timeout(120_000);

  it('are all well-formed', () => {
    expect(problems.map((p) => p.message), 'fix these transcript files').to.deep.equal([]);
    expect(cases.length).to.be.at.least(40);
  });

  for (const file of files) {
    describe(file.file, () => {
      for (const { spec, skip } of cases.filter((c) => c.spec.file === file.file)) {
        if (skip) {
          it.skip(`${spec.name} — ${skip}`);
          continue;
        }
        it(spec.name, async () => {
          const run = await runCase(spec, { ...(await environment()), inspect: coverage.inspector });
          ran++;
          if (run.status === 'failed') throw new Error(`the transcript does not hold:\n${formatFailure(run)}`);
        });
      }
    });
  }

  describe('flow coverage', () => {
    it(`reaches at least ${MIN_STEP_COVERAGE} % of the shipped flows' steps`, async function () {
      // A run of some cases only (mocha --grep) says nothing about coverage.
      if (ran < cases.filter((c) => !c.skip).length) this.skip();
      const report = coverage.report(flowSetOf(await environment()));
      expect(report.steps.percent, formatCoverage(report)).to.be.at.least(MIN_STEP_COVERAGE);
    });
  });
});

/**
 * The transcript suite as the benchmark runs it: in this process, on an NLU trained on given data
 * (never the training cache), every case on a fresh assistant as `coco test` runs them.
 */
import { join } from 'node:path';
import { loadContent, PROJECT_ROOT, type AssistantContent } from '../../app';
import { Nlu, type NluOptions, type TrainingData } from '../../nlu';
import { loadTranscripts, runTranscripts, selectCases, type SelectedCase, type TranscriptEnvironment } from '../../qa';
import { outcomeOf, type CaseOutcome } from './outcome';

/** The shipped content and flows, and the transcript cases to run. */
export interface StabilitySuite {
  content: AssistantContent;
  contentDir: string;
  flowsDir: string;
  cases: SelectedCase[];
}

/** The shipped content, flows and transcripts (or those of `transcripts`, files or folders; `grep` as `coco test --grep`). */
export function loadStabilitySuite(options: { transcripts?: string[]; grep?: string } = {}): StabilitySuite {
  const contentDir = join(PROJECT_ROOT, 'content');
  const { files, problems } = loadTranscripts(options.transcripts ?? [join(PROJECT_ROOT, 'test', 'transcripts')]);
  if (problems.length) throw problems[0];
  const cases = selectCases(files, { grep: options.grep }).filter((c) => !c.skip);
  return { content: loadContent({ contentDir }), contentDir, flowsDir: join(PROJECT_ROOT, 'flows'), cases };
}

/** Trains an NLU on the data (no cache unless given one): what shipping these examples would give. */
export function trainNlu(suite: StabilitySuite, training: TrainingData, options: NluOptions = {}): Promise<Nlu> {
  return Nlu.train({ training, catalog: suite.content.catalog }, options);
}

/** Runs every case of the suite on the NLU, in file order. */
export async function runSuite(suite: StabilitySuite, nlu: Nlu): Promise<CaseOutcome[]> {
  const env: Omit<TranscriptEnvironment, 'inspect'> = { nlu, content: suite.content, contentDir: suite.contentDir, flowsDir: suite.flowsDir };
  const result = await runTranscripts(suite.cases, env);
  return result.cases.map(outcomeOf);
}

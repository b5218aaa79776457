/** Shared fixtures of the transcript runner's tests: the shipped assistant's environment and inline transcripts. */
import { join } from 'node:path';
import { loadContent, type AssistantContent } from '../../app/assistant';
import { parseTranscript, runCase, type CaseRun, type TranscriptEnvironment, type TranscriptFile } from '../../qa';
import { CONTENT_DIR, shippedNlu } from '../support/content';

export const FLOWS_DIR = join(__dirname, '..', '..', 'flows');

let content: AssistantContent | undefined;

/** The environment of the shipped assistant: the NLU trained once per run, content and flows. */
export async function shippedEnvironment(): Promise<TranscriptEnvironment> {
  content ??= loadContent({ contentDir: CONTENT_DIR });
  return { nlu: await shippedNlu(), content, contentDir: CONTENT_DIR, flowsDir: FLOWS_DIR };
}

/** A transcript written inline, as if read from `file`. */
export function transcriptFromString(yaml: string, file = 'test/transcripts/inline.yaml'): TranscriptFile {
  return parseTranscript(yaml, file);
}

/** Runs the first case of an inline transcript on the shipped assistant. */
export async function runInline(yaml: string, file?: string): Promise<CaseRun> {
  return runCase(transcriptFromString(yaml, file).cases[0], await shippedEnvironment());
}

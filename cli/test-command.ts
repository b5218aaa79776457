import { Command, InvalidArgumentError } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadNlu } from '../nlu';
import { loadContent, cacheDir, contentDir, PROJECT_ROOT } from '../app';
import {
  applyUpdates, formatCaseLine, formatCoverage, formatFailure, formatSummary, loadTranscripts, planUpdates, runTranscripts, selectCases, toJUnitXml,
  type RunResult, type TranscriptEnvironment,
} from '../qa';
import { flowsDir } from './open-assistant';

interface TestOptions {
  grep?: string;
  tag: string[];
  reporter: 'spec' | 'junit';
  out?: string;
  update?: boolean;
  minCoverage?: number;
  transitions?: boolean;
}

/** `coco test`: runs dialog transcripts as tests, with flow coverage. */
export function testCommand(): Command {
  return new Command('test')
    .description('run dialog transcripts (test/transcripts/**/*.yaml) as tests, each case on a fresh assistant, with flow coverage')
    .argument('[paths...]', 'transcript files or folders', [])
    .option('--grep <text>', 'only cases whose name contains the text')
    .option('--tag <tag>', 'only cases with this tag (repeatable); --tag known-bug runs the known bugs', (tag: string, tags: string[]) => [...tags, tag], [])
    .option('--reporter <name>', 'spec (default) or junit', parseReporter, 'spec')
    .option('--out <file>', 'with --reporter junit: write the XML to this file (and the usual report to the terminal)')
    .option('--update', 'rewrite expected reply texts (bot:) that no longer match, after a deliberate content change')
    .option('--min-coverage <percent>', 'fail when fewer than this share of flow steps were reached', parsePercent)
    .option('--transitions', 'also list the flow transitions never taken')
    .action(async (paths: string[], options: TestOptions) => {
      process.exitCode = await runTestCommand(paths, options);
    });
}

async function runTestCommand(paths: string[], options: TestOptions): Promise<number> {
  const junitToStdout = options.reporter === 'junit' && !options.out;
  const say = junitToStdout ? (text: string) => console.error(text) : (text: string) => console.log(text);
  const roots = paths.length ? paths : [relative(process.cwd(), join(PROJECT_ROOT, 'test', 'transcripts')) || '.'];
  const { files, problems } = loadTranscripts(roots);
  for (const problem of problems) console.error(problem.message);
  const cases = selectCases(files, { grep: options.grep, tags: options.tag });
  if (cases.length === 0) {
    say(problems.length ? 'No transcript could be read.' : 'No transcript case matches.');
    return problems.length ? 1 : 0;
  }

  const env = await environment();
  say(`Running ${cases.length} transcript case${cases.length === 1 ? '' : 's'} from ${new Set(cases.map((c) => c.spec.file)).size} files\n`);
  let result = await runTranscripts(cases, env, { onCase: (run) => say(formatCaseLine(run)) });
  for (const run of result.cases.filter((r) => r.status === 'failed')) say(`\n${formatFailure(run)}`);

  if (options.update) result = await update(result, env, roots, options, say);

  say(`\n${formatCoverage(result.coverage, { transitions: options.transitions })}`);
  say(`\n${formatSummary(result, problems.length)}`);
  if (options.reporter === 'junit') {
    const xml = toJUnitXml(result);
    if (options.out) {
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, xml);
      say(`JUnit XML written to ${options.out}`);
    } else {
      process.stdout.write(xml);
    }
  }
  let code = problems.length > 0 || result.cases.some((c) => c.status === 'failed') ? 1 : 0;
  if (options.minCoverage !== undefined && result.coverage.steps.percent < options.minCoverage) {
    say(`Flow step coverage ${result.coverage.steps.percent} % is below --min-coverage ${options.minCoverage} %.`);
    code = 1;
  }
  return code;
}

/** Rewrites the texts, shows what changed, and runs the failed cases again on the new files. */
async function update(result: RunResult, env: Omit<TranscriptEnvironment, 'inspect'>, roots: string[], options: TestOptions, say: (text: string) => void): Promise<RunResult> {
  const failed = result.cases.filter((c) => c.status === 'failed');
  if (failed.length === 0) {
    say('\nNothing to update: every case passed.');
    return result;
  }
  const plan = planUpdates(failed);
  const changes = applyUpdates(plan);
  say(`\n--update: ${changes.length} text${changes.length === 1 ? '' : 's'} rewritten${plan.skipped.length ? `, ${plan.skipped.length} left to fix by hand` : ''}`);
  for (const change of changes) say(`  ${change.file}:${change.line}\n    - ${change.before.replace(/\n/g, '\n      ')}\n    + ${change.after.replace(/\n/g, '\n      ')}`);
  for (const skip of plan.skipped) say(`  ${skip.file}:${skip.line}  not updated: ${skip.reason}`);
  if (changes.length === 0) return result;

  // The failed cases once more, from the rewritten files.
  const names = new Set(failed.map((c) => `${c.spec.file}\u0000${c.spec.name}`));
  const again = selectCases(loadTranscripts(roots).files, { grep: options.grep, tags: options.tag }).filter((c) => names.has(`${c.spec.file}\u0000${c.spec.name}`));
  say(`\nRunning the ${again.length} updated case${again.length === 1 ? '' : 's'} again\n`);
  const rerun = await runTranscripts(again, env, { onCase: (run) => say(formatCaseLine(run)) });
  for (const run of rerun.cases.filter((r) => r.status === 'failed')) say(`\n${formatFailure(run)}`);
  const byKey = new Map(rerun.cases.map((c) => [`${c.spec.file}\u0000${c.spec.name}`, c]));
  return { ...result, cases: result.cases.map((c) => byKey.get(`${c.spec.file}\u0000${c.spec.name}`) ?? c) };
}

/** The NLU (from the training cache when content did not change), content and flows; no LLM. */
async function environment(env: NodeJS.ProcessEnv = process.env): Promise<Omit<TranscriptEnvironment, 'inspect'>> {
  // Transcripts are deterministic: the offline NLU whatever the environment configures for production.
  const content = loadContent({ contentDir: contentDir(env) });
  const nlu = await loadNlu({ contentDir: contentDir(env), catalog: content.catalog, cacheDir: cacheDir(env) });
  return { nlu, content, contentDir: contentDir(env), flowsDir: flowsDir(env) };
}

function parseReporter(value: string): 'spec' | 'junit' {
  if (value !== 'spec' && value !== 'junit') throw new InvalidArgumentError('use spec or junit');
  return value;
}

function parsePercent(value: string): number {
  const percent = Number(value.replace(/%$/, ''));
  if (!(percent >= 0 && percent <= 100)) throw new InvalidArgumentError(`"${value}" is not a percentage from 0 to 100`);
  return percent;
}

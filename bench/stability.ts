/**
 * Training stability benchmark: adds each example of bench/stability/examples.yaml alone to the shipped
 * training data (in memory), retrains the NLU, runs the whole transcript suite and counts the cases whose
 * outcome (passed ↔ failed) or behaviour changed against the shipped model. Also checks that training
 * the same data twice gives the same model. Exits 1 when any outcome changed or training is not
 * deterministic.
 *
 *   npm run bench:stability [-- --examples 5 --seed 7 --grep отмен --quiet]
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../app';
import { readRasaNluFile, type NluOptions } from '../nlu';
import { checkTrainingDeterminism, compareRuns, formatCauses, formatTable, formatTotals, loadStabilitySuite, readStabilityExamples, runSuite, trainNlu, withExample, type ExampleResult } from './stability/index';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const count = option('--examples') !== undefined ? Number(option('--examples')) : Infinity;
  const seed = option('--seed') !== undefined ? Number(option('--seed')) : undefined;
  const options: NluOptions = seed === undefined ? {} : { classifier: { training: { seed } } };

  const training = readRasaNluFile(join(PROJECT_ROOT, 'content', 'intents.yaml'));
  const examples = readStabilityExamples(join(__dirname, 'stability', 'examples.yaml'), training).slice(0, count);
  const suite = loadStabilitySuite({ grep: option('--grep') });
  console.log(`training examples: ${training.examples.length}; transcript cases: ${suite.cases.length}; examples to add: ${examples.length}${seed === undefined ? '' : `; seed ${seed}`}`);

  let started = performance.now();
  const baseline = await runSuite(suite, await trainNlu(suite, training, options));
  const runMs = performance.now() - started;
  console.log(`baseline: ${baseline.filter((o) => o.passed).length} of ${baseline.length} passed; one train + suite run ${(runMs / 1000).toFixed(1)} s`);

  const determinism = await checkTrainingDeterminism(suite, training, options);
  const again = compareRuns(baseline, await runSuite(suite, await trainNlu(suite, training, options)));
  console.log(`training twice on the same data: ${determinism.identical ? 'the same model' : 'DIFFERENT models'} (${determinism.modelChars} chars of JSON); the suite on the retrained model: ${again.outcomesChanged} outcomes, ${again.behaviourChanged} behaviours changed\n`);

  const results: ExampleResult[] = [];
  started = performance.now();
  for (const example of examples) {
    const exampleStarted = performance.now();
    const run = await runSuite(suite, await trainNlu(suite, withExample(training, example), options));
    results.push({ example, comparison: compareRuns(baseline, run), ms: performance.now() - exampleStarted });
    process.stderr.write('.');
  }
  process.stderr.write('\n');

  console.log(formatTable(results));
  console.log(`\n${formatTotals(results, baseline.length)}`);
  console.log(`runtime: ${((performance.now() - started) / 1000).toFixed(0)} s for ${results.length} examples (≈ ${(runMs / 1000).toFixed(1)} s per train + suite run)`);
  if (!args.includes('--quiet')) {
    const causes = results.map(formatCauses).filter(Boolean);
    if (causes.length) console.log(`\nWhere each changed case diverged (step «message»: intent confidence [top two] before → after):\n\n${causes.join('\n\n')}`);
  }
  const failed = !determinism.identical || again.behaviourChanged > 0 || results.some((r) => r.comparison.outcomesChanged > 0);
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);

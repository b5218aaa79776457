/**
 * NLU benchmark: trains this NLU and nlp.js on content/intents.yaml, evaluates both on the same
 * hold-out file and prints accuracy, macro-F1, training time and per-utterance classification time.
 *
 *   npm run bench:nlu [-- --data test/nlu/holdout.yml --rounds 5]
 */
import { join } from 'node:path';
import { loadCatalog } from '../salon';
import { PROJECT_ROOT } from '../app';
import { evaluatePredictions, type Prediction, Nlu, readRasaNluFile } from '../nlu';
import { trainNlpJs } from './nlpjs-peer';
import { msSince, quantile } from './stats';

interface Row {
  name: string;
  accuracy: number;
  macroF1: number;
  trainMs: number;
  medianMs: number;
  p99Ms: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
  };
  const dataFile = option('--data', join(PROJECT_ROOT, 'test', 'nlu', 'holdout.yml'));
  const rounds = Number(option('--rounds', '5'));
  const content = join(PROJECT_ROOT, 'content');
  const training = readRasaNluFile(join(content, 'intents.yaml'));
  const catalog = loadCatalog(join(content, 'catalog.yaml'));
  const holdout = readRasaNluFile(dataFile).examples;
  console.log(`training examples: ${training.examples.length}, hold-out examples: ${holdout.length} (${dataFile})`);

  // This NLU: training from content, without the cache, timed over a few rounds (median).
  const trainTimes: number[] = [];
  let nlu: Nlu | undefined;
  for (let i = 0; i < Math.max(1, Math.min(rounds, 3)); i++) {
    const start = process.hrtime.bigint();
    nlu = await Nlu.train({ training, catalog });
    trainTimes.push(msSince(start));
  }
  const ours = await measure('madam-coco', quantile(trainTimes, 0.5), holdout, rounds, async (text) => {
    const [top] = nlu!.rankSync(text);
    return top?.name ?? 'nlu_fallback';
  });

  const startPeer = process.hrtime.bigint();
  const peer = await trainNlpJs(training.examples);
  const peerTrain = msSince(startPeer);
  const theirs = await measure('nlp.js', peerTrain, holdout, rounds, async (text) => (await peer.classify(text)).intent);

  printTable([ours, theirs]);
  console.log('');
  console.log(`accuracy: ${pp(ours.accuracy - theirs.accuracy)} points over nlp.js (target ≥ +5), ours ${pct(ours.accuracy)} (target ≥ 95 %)`);
  console.log(`macro-F1: ${pp(ours.macroF1 - theirs.macroF1)} points over nlp.js`);
  console.log(`median classification: ${ours.medianMs.toFixed(3)} ms (target ≤ 0.5 ms), ${(theirs.medianMs / ours.medianMs).toFixed(1)}× faster than nlp.js`);
  console.log(`p99 classification: ${ours.p99Ms.toFixed(3)} ms, ${(theirs.p99Ms / ours.p99Ms).toFixed(1)}× faster than nlp.js`);
  console.log(`training: ${(ours.trainMs / 1000).toFixed(2)} s (target ≤ 3 s), nlp.js ${(theirs.trainMs / 1000).toFixed(2)} s, ratio ${(theirs.trainMs / ours.trainMs).toFixed(2)}`);
}

async function measure(
  name: string,
  trainMs: number,
  holdout: Array<{ text: string; intent: string }>,
  rounds: number,
  classify: (text: string) => Promise<string>,
): Promise<Row> {
  for (const { text } of holdout.slice(0, 50)) await classify(text); // warm-up
  const times: number[] = [];
  let predictions: Prediction[] = [];
  for (let round = 0; round < rounds; round++) {
    predictions = [];
    for (const { text, intent } of holdout) {
      const start = process.hrtime.bigint();
      const predicted = await classify(text);
      times.push(msSince(start));
      predictions.push({ text, expected: intent, predicted, confidence: 1 });
    }
  }
  const report = evaluatePredictions(predictions);
  return { name, accuracy: report.accuracy, macroF1: report.macroF1, trainMs, medianMs: quantile(times, 0.5), p99Ms: quantile(times, 0.99) };
}

function printTable(rows: Row[]): void {
  console.log('');
  console.log(`${'system'.padEnd(12)} ${'accuracy'.padStart(9)} ${'macro-F1'.padStart(9)} ${'train s'.padStart(8)} ${'median ms'.padStart(10)} ${'p99 ms'.padStart(8)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(12)} ${pct(r.accuracy).padStart(9)} ${pct(r.macroF1).padStart(9)} ${(r.trainMs / 1000).toFixed(2).padStart(8)} ${r.medianMs.toFixed(3).padStart(10)} ${r.p99Ms.toFixed(3).padStart(8)}`);
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

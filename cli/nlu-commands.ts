import { Command, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { loadCatalog } from '../salon';
import { crossValidate, evaluateIntents, readRasaNluFile, type IntentEvaluation, type ParseResult } from '../nlu';
import { loggerFromEnv, contentDir } from '../app';
import { loadNluFromEnv } from './load-nlu';

/** `coco nlu parse` and `coco nlu eval`. */
export function nluCommand(): Command {
  const nlu = new Command('nlu').description('the Russian NLU: parse a message, evaluate on a data set');

  nlu
    .command('parse')
    .description('intent, ranking and entities of one message')
    .argument('<text>', 'the guest message, e.g. "запишите плз на ноготочки в пт после 6"')
    .option('--now <iso>', 'the moment of the message, for dates (default: now)', parseInstant)
    .option('--json', 'print JSON')
    .action(async (text: string, options: { now?: Date; json?: boolean }) => {
      const model = await loadNluFromEnv(process.env, loggerFromEnv(process.env));
      const result = await model.parse(text, { now: options.now ?? new Date() });
      console.log(options.json ? JSON.stringify(result, null, 2) : describeParse(result));
    });

  nlu
    .command('eval')
    .description('train on content/intents.yaml and evaluate on a Rasa NLU YAML file (or cross-validate the training data)')
    .option('--data <file>', 'labelled examples in the Rasa NLU YAML format, e.g. test/nlu/holdout.yml')
    .option('--cross-validation <k>', 'evaluate the training data itself with K folds', parseFolds)
    .option('--json', 'print JSON')
    .action(async (options: { data?: string; crossValidation?: number; json?: boolean }) => {
      if (!options.data && !options.crossValidation) throw new InvalidArgumentError('give --data <file> or --cross-validation <k>');
      let report: IntentEvaluation;
      if (options.crossValidation) {
        const training = readRasaNluFile(join(contentDir(), 'intents.yaml'));
        report = await crossValidate(training, loadCatalog(join(contentDir(), 'catalog.yaml')), options.crossValidation);
      } else {
        const model = await loadNluFromEnv(process.env, loggerFromEnv(process.env));
        report = await evaluateIntents(model, readRasaNluFile(options.data!).examples);
      }
      const { predictions, ...summary } = report;
      console.log(options.json ? JSON.stringify(summary, null, 2) : describeEvaluation(report));
    });

  return nlu;
}

function parseInstant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`"${value}" is not an ISO date-time; use e.g. 2026-11-24T12:00:00+03:00`);
  return date;
}

function parseFolds(value: string): number {
  const k = Number(value);
  if (!Number.isInteger(k) || k < 2) throw new InvalidArgumentError(`folds must be a whole number ≥ 2, got "${value}"`);
  return k;
}

function describeParse(result: ParseResult): string {
  const lines = [`intent: ${result.intent.name} (${result.intent.confidence.toFixed(2)})`];
  lines.push(`ranking: ${result.ranking.slice(0, 3).map((r) => `${r.name} ${r.confidence.toFixed(2)}`).join(', ')}`);
  for (const e of result.entities) lines.push(`entity ${e.entity}: ${typeof e.value === 'string' ? e.value : JSON.stringify(e.value)}  ← "${e.text}" [${e.start}, ${e.end})`);
  return lines.join('\n');
}

function describeEvaluation(report: IntentEvaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [
    `examples: ${report.total}`,
    `accuracy: ${pct(report.accuracy)}   macro-F1: ${pct(report.macroF1)}`,
    `fallback rate: ${pct(report.fallbackRate)}   accuracy when not falling back: ${pct(report.acceptedAccuracy)}`,
    '',
    `${'intent'.padEnd(14)} precision  recall     F1  support`,
  ];
  for (const [intent, m] of Object.entries(report.perIntent)) {
    lines.push(`${intent.padEnd(14)} ${m.precision.toFixed(3).padStart(9)} ${m.recall.toFixed(3).padStart(7)} ${m.f1.toFixed(3).padStart(6)} ${String(m.support).padStart(8)}`);
  }
  if (report.confusions.length) {
    lines.push('', 'most confused (expected → predicted):');
    for (const c of report.confusions) lines.push(`  ${c.expected} → ${c.predicted}: ${c.count}  e.g. "${c.examples[0]}"`);
  }
  return lines.join('\n');
}

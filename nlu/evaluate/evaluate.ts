import type { Catalog } from '../../salon';
import { seededRandom, shuffle } from '../classify';
import type { TrainingData, TrainingExample } from '../data';
import { FALLBACK_INTENT, Nlu, type NluOptions } from '../nlu';
import { evaluatePredictions, type EvaluationReport, type Prediction } from './metrics';

/** An evaluation report plus how often the confidence fallback fired. */
export interface IntentEvaluation extends EvaluationReport {
  /** Share of examples whose top confidence fell below the fallback threshold. */
  fallbackRate: number;
  /** Accuracy over the examples that did not fall back. */
  acceptedAccuracy: number;
  predictions: Prediction[];
}

/**
 * Evaluates intent classification on labelled examples. Accuracy counts the top-ranked intent; the
 * fallback threshold is reported separately (fallback rate, accuracy of the accepted answers).
 */
export async function evaluateIntents(nlu: Nlu, examples: TrainingExample[]): Promise<IntentEvaluation> {
  const predictions: Prediction[] = [];
  for (const example of examples) {
    const [top] = await nlu.rank(example.text);
    predictions.push({ text: example.text, expected: example.intent, predicted: top?.name ?? FALLBACK_INTENT, confidence: top?.confidence ?? 0 });
  }
  return withFallback(evaluatePredictions(predictions), predictions, nlu.fallbackThreshold);
}

/**
 * K-fold cross-validation on the training data itself, stratified by intent, deterministic.
 * Each fold trains a fresh NLU without the cache.
 */
export async function crossValidate(training: TrainingData, catalog: Catalog, folds: number, options: NluOptions = {}): Promise<IntentEvaluation> {
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`--cross-validation needs a whole number of folds ≥ 2, got ${folds}`);
  const foldOf = new Map<TrainingExample, number>();
  const byIntent = new Map<string, TrainingExample[]>();
  for (const example of training.examples) byIntent.set(example.intent, [...(byIntent.get(example.intent) ?? []), example]);
  const random = seededRandom(42);
  for (const group of byIntent.values()) shuffle([...group], random).forEach((example, i) => foldOf.set(example, i % folds));

  const predictions: Prediction[] = [];
  let threshold = options.fallbackThreshold ?? 0.5;
  for (let fold = 0; fold < folds; fold++) {
    const train = training.examples.filter((e) => foldOf.get(e) !== fold);
    const test = training.examples.filter((e) => foldOf.get(e) === fold);
    const nlu = await Nlu.train({ training: { ...training, examples: train }, catalog }, { ...options, cache: undefined });
    threshold = nlu.fallbackThreshold;
    predictions.push(...(await evaluateIntents(nlu, test)).predictions);
  }
  return withFallback(evaluatePredictions(predictions), predictions, threshold);
}

function withFallback(report: EvaluationReport, predictions: Prediction[], threshold: number): IntentEvaluation {
  const accepted = predictions.filter((p) => p.confidence >= threshold);
  const correct = accepted.filter((p) => p.expected === p.predicted).length;
  return {
    ...report,
    fallbackRate: round(predictions.length ? 1 - accepted.length / predictions.length : 0),
    acceptedAccuracy: round(accepted.length ? correct / accepted.length : 0),
    predictions,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

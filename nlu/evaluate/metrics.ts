/** Per-intent precision, recall, F1 and support. */
export interface IntentMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** A pair of intents the classifier mixes up, and how often. */
export interface Confusion {
  expected: string;
  predicted: string;
  count: number;
  examples: string[];
}

export interface EvaluationReport {
  accuracy: number;
  macroF1: number;
  perIntent: Record<string, IntentMetrics>;
  confusions: Confusion[];
  total: number;
}

/** One evaluated example. */
export interface Prediction {
  text: string;
  expected: string;
  predicted: string;
  confidence: number;
}

/**
 * Accuracy, macro-F1 (over the intents present in the expected labels), per-intent metrics and the
 * most confused pairs, most frequent first.
 */
export function evaluatePredictions(predictions: Prediction[], maxConfusions = 10): EvaluationReport {
  const intents = [...new Set(predictions.map((p) => p.expected))].sort();
  const perIntent: Record<string, IntentMetrics> = {};
  for (const intent of intents) {
    const tp = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
    const fp = predictions.filter((p) => p.expected !== intent && p.predicted === intent).length;
    const support = predictions.filter((p) => p.expected === intent).length;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perIntent[intent] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
  }
  const pairs = new Map<string, Confusion>();
  for (const p of predictions) {
    if (p.expected === p.predicted) continue;
    const key = `${p.expected}\u0000${p.predicted}`;
    const pair = pairs.get(key) ?? { expected: p.expected, predicted: p.predicted, count: 0, examples: [] };
    pair.count++;
    if (pair.examples.length < 3) pair.examples.push(p.text);
    pairs.set(key, pair);
  }
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  const f1s = intents.map((i) => perIntent[i].f1);
  return {
    accuracy: round(predictions.length ? correct / predictions.length : 0),
    macroF1: round(f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0),
    perIntent,
    confusions: [...pairs.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)).slice(0, maxConfusions),
    total: predictions.length,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

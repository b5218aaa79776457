import type { FeatureRow } from './feature-rows';
import { seededRandom, shuffle } from './random';

/** Hyper-parameters of the multinomial logistic regression. */
export interface SoftmaxTrainingOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update, scaled by the learning rate. */
  l2?: number;
  seed?: number;
}

const DEFAULTS: Required<SoftmaxTrainingOptions> = { epochs: 15, learningRate: 0.6, l2: 1e-5, seed: 7 };

/**
 * Multinomial logistic regression over sparse feature rows, trained by AdaGrad SGD.
 * Weights are stored only for features seen in training (`columnOf` maps a feature id to a column).
 */
export class SoftmaxRegression {
  private constructor(
    readonly classes: string[],
    private readonly columnOf: Int32Array,
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    /** Softmax temperature; above 1 softens over-confident scores. */
    public temperature = 1,
  ) {}

  /** Trains on rows labelled with class indices. Deterministic for the same input and seed. */
  static train(rows: FeatureRow[], labels: number[], classes: string[], featureSpace: number, options: SoftmaxTrainingOptions = {}): SoftmaxRegression {
    const { epochs, learningRate, l2, seed } = { ...DEFAULTS, ...options };
    const k = classes.length;
    const columnOf = new Int32Array(featureSpace).fill(-1);
    let columns = 0;
    for (const row of rows) for (const id of row.ids) if (columnOf[id] < 0) columnOf[id] = columns++;

    const weights = new Float32Array(columns * k);
    const gradSq = new Float32Array(columns * k).fill(1e-6);
    const bias = new Float32Array(k);
    const biasSq = new Float32Array(k).fill(1e-6);
    const model = new SoftmaxRegression(classes, columnOf, weights, bias);

    // Balance classes: each class contributes equally whatever its number of examples.
    const counts = new Array(k).fill(0);
    for (const label of labels) counts[label]++;
    const classWeight = counts.map((c) => (c ? rows.length / (k * c) : 0));

    const order = rows.map((_, i) => i);
    const random = seededRandom(seed);
    const probs = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (const i of order) {
        const row = rows[i];
        model.scoresInto(row, probs);
        softmaxInPlace(probs, 1);
        const w = classWeight[labels[i]];
        for (let c = 0; c < k; c++) {
          const g = (probs[c] - (c === labels[i] ? 1 : 0)) * w;
          biasSq[c] += g * g;
          bias[c] -= (learningRate * g) / Math.sqrt(biasSq[c]);
          if (g === 0) continue;
          for (let j = 0; j < row.ids.length; j++) {
            const at = columnOf[row.ids[j]] * k + c;
            const grad = g * row.values[j] + l2 * weights[at];
            gradSq[at] += grad * grad;
            weights[at] -= (learningRate * grad) / Math.sqrt(gradSq[at]);
          }
        }
      }
    }
    return model;
  }

  /** Class probabilities for one row, in the order of `classes`. */
  predict(row: FeatureRow): Float64Array {
    const out = new Float64Array(this.classes.length);
    this.scoresInto(row, out);
    return softmaxInPlace(out, this.temperature);
  }

  /** Raw scores (logits) for one row. */
  logits(row: FeatureRow): Float64Array {
    const out = new Float64Array(this.classes.length);
    this.scoresInto(row, out);
    return out;
  }

  private scoresInto(row: FeatureRow, out: Float64Array): void {
    // Locals, not fields, inside the loops: the hot loop of every prediction (same sums, same order).
    const k = this.classes.length;
    const { bias, columnOf, weights } = this;
    const { ids, values } = row;
    for (let c = 0; c < k; c++) out[c] = bias[c];
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (id >= columnOf.length) continue;
      const column = columnOf[id];
      if (column < 0) continue;
      const v = values[j];
      const base = column * k;
      for (let c = 0; c < k; c++) out[c] += weights[base + c] * v;
    }
  }

  toJSON(): SerialisedSoftmax {
    return {
      classes: this.classes,
      temperature: this.temperature,
      featureSpace: this.columnOf.length,
      columns: sparseColumns(this.columnOf),
      weights: Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).toString('base64'),
      bias: Array.from(this.bias),
    };
  }

  static fromJSON(json: SerialisedSoftmax): SoftmaxRegression {
    const columnOf = new Int32Array(json.featureSpace).fill(-1);
    json.columns.forEach(([id, column]) => (columnOf[id] = column));
    const bytes = Buffer.from(json.weights, 'base64');
    const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return new SoftmaxRegression(json.classes, columnOf, weights, Float32Array.from(json.bias), json.temperature);
  }
}

export interface SerialisedSoftmax {
  classes: string[];
  temperature: number;
  featureSpace: number;
  columns: Array<[number, number]>;
  weights: string;
  bias: number[];
}

function sparseColumns(columnOf: Int32Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let id = 0; id < columnOf.length; id++) if (columnOf[id] >= 0) out.push([id, columnOf[id]]);
  return out;
}

/** Softmax of scores divided by the temperature, in place. */
export function softmaxInPlace(scores: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp((scores[i] - max) / temperature);
    sum += scores[i];
  }
  for (let i = 0; i < scores.length; i++) scores[i] /= sum;
  return scores;
}

import type { Embedder, IntentScore, Vector } from '../types';
import { fitTemperature } from './calibrate';
import { featureSpace, toFeatureRow, type FeatureRow } from './feature-rows';
import { seededRandom, shuffle } from './random';
import { SoftmaxRegression, type SerialisedSoftmax, type SoftmaxTrainingOptions } from './softmax-regression';

/** A labelled, already normalised text. */
export interface LabelledText {
  text: string;
  intent: string;
}

export interface IntentClassifierOptions {
  training?: SoftmaxTrainingOptions;
  /** Folds used to fit the softmax temperature on held-out predictions; 0 or 1 skips calibration. */
  calibrationFolds?: number;
}

/**
 * The intent classifier: multinomial logistic regression over the embedder's vectors, with its
 * confidences calibrated by temperature scaling on cross-validated predictions.
 */
export class IntentClassifier {
  private constructor(private readonly model: SoftmaxRegression) {}

  get intents(): string[] {
    return this.model.classes;
  }

  get temperature(): number {
    return this.model.temperature;
  }

  /** Trains on normalised texts whose vectors the embedder gives (it must already be fitted). */
  static async train(examples: LabelledText[], embedder: Embedder, options: IntentClassifierOptions = {}): Promise<IntentClassifier> {
    const vectors = await embedder.embedBatch(examples.map((e) => e.text));
    return IntentClassifier.trainOnVectors(vectors, examples.map((e) => e.intent), options);
  }

  /** Trains on precomputed vectors, one per label. */
  static trainOnVectors(vectors: Vector[], intents: string[], options: IntentClassifierOptions = {}): IntentClassifier {
    const classes = [...new Set(intents)].sort();
    const labels = intents.map((i) => classes.indexOf(i));
    const rows = vectors.map(toFeatureRow);
    const space = featureSpace(rows);
    const model = SoftmaxRegression.train(rows, labels, classes, space, options.training);
    const folds = options.calibrationFolds ?? 3;
    if (folds > 1 && rows.length >= folds * classes.length) {
      model.temperature = calibrateTemperature(rows, labels, classes, space, folds, options.training);
    }
    return new IntentClassifier(model);
  }

  /** All intents with calibrated confidences, most likely first. */
  rank(vector: Vector): IntentScore[] {
    const probs = this.model.predict(toFeatureRow(vector));
    return this.model.classes
      .map((name, i) => ({ name, confidence: probs[i] }))
      .sort((a, b) => b.confidence - a.confidence);
  }

  toJSON(): SerialisedSoftmax {
    return this.model.toJSON();
  }

  static fromJSON(json: SerialisedSoftmax): IntentClassifier {
    return new IntentClassifier(SoftmaxRegression.fromJSON(json));
  }
}

function calibrateTemperature(
  rows: FeatureRow[],
  labels: number[],
  classes: string[],
  space: number,
  folds: number,
  training?: SoftmaxTrainingOptions,
): number {
  const order = shuffle(rows.map((_, i) => i), seededRandom(13));
  const heldOutLogits: Float64Array[] = [];
  const heldOutLabels: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const test = order.filter((_, i) => i % folds === fold);
    const testSet = new Set(test);
    const train = order.filter((i) => !testSet.has(i));
    const model = SoftmaxRegression.train(train.map((i) => rows[i]), train.map((i) => labels[i]), classes, space, training);
    for (const i of test) {
      heldOutLogits.push(model.logits(rows[i]));
      heldOutLabels.push(labels[i]);
    }
  }
  return fitTemperature(heldOutLogits, heldOutLabels);
}

/**
 * Whether training is deterministic: the same data trained twice must give the very same model, or
 * every retraining alone would move transcripts.
 */
import type { NluOptions, TrainingCache, TrainingData } from '../../nlu';
import { trainNlu, type StabilitySuite } from './suite';

/** The two models compared. */
export interface DeterminismCheck {
  /** The serialised models (featuriser and classifier) are identical. */
  identical: boolean;
  /** Their size in characters of JSON, to show something was compared. */
  modelChars: number;
}

/**
 * Trains twice on the same data and compares the serialised models, taken from the NLU's own training
 * cache interface (so exactly what a cache would restore).
 */
export async function checkTrainingDeterminism(suite: StabilitySuite, training: TrainingData, options: Omit<NluOptions, 'cache'> = {}): Promise<DeterminismCheck> {
  const first = await trainedModel(suite, training, options);
  const second = await trainedModel(suite, training, options);
  return { identical: first === second, modelChars: first.length };
}

async function trainedModel(suite: StabilitySuite, training: TrainingData, options: Omit<NluOptions, 'cache'>): Promise<string> {
  let model = '';
  const recorder: TrainingCache = { get: () => undefined, set: (_key, value) => void (model = JSON.stringify(value)) };
  await trainNlu(suite, training, { ...options, cache: recorder });
  return model;
}

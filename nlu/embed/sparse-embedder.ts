/**
 * The offline sparse featuriser, the default embedder: hashed character n-grams, Russian stems and stem
 * bigrams, weighted by sublinear TF × IDF and L2-normalised. Deterministic, synchronous, no network.
 */
import type { Embedder, SparseVector } from '../types';
import { createFeaturiser, type FeatureSettings, type FeatureSink } from './features';
import { idfWeights, sparseDocumentFrequencies, type DocumentFrequencies } from './idf';
import { resolveSparseOptions, sparseEmbedderId, type SparseEmbedderOptions } from './sparse-options';
import { decodeSparseState, encodeSparseState } from './sparse-state';

export interface SparseEmbedder extends Embedder {
  /**
   * Learns IDF weights from the training texts (already normalised), replacing any learnt before.
   * Deterministic: the same corpus gives the same weights.
   */
  fit(corpus: string[]): void;
  /** Embeds one normalised text: sorted unique indices, unit length (or empty for a text without words). */
  embedSync(text: string): SparseVector;
  /** Serialisable state for the training cache; `sparseEmbedderFromJSON` restores it. */
  toJSON(): unknown;
}

/**
 * Counts feature occurrences per bucket. The dense count array is reused between texts, so a text costs
 * only its own features; `touched` remembers which buckets to read back and clear.
 */
class BucketCounter implements FeatureSink {
  readonly counts: Uint32Array;
  touched = new Int32Array(256);
  size = 0;

  constructor(buckets: number) {
    this.counts = new Uint32Array(buckets);
  }

  add(bucket: number): void {
    if (this.counts[bucket]++ === 0) {
      if (this.size === this.touched.length) {
        const grown = new Int32Array(this.size * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.size++] = bucket;
    }
  }

  /** The buckets seen since the last clear, ascending. */
  sortedBuckets(): Int32Array {
    return this.touched.slice(0, this.size).sort();
  }

  clear(): void {
    for (let k = 0; k < this.size; k++) this.counts[this.touched[k]] = 0;
    this.size = 0;
  }
}

/**
 * Creates the offline sparse embedder. Call `fit` with the training texts before use to get IDF weights;
 * unfitted, every feature weighs 1.
 *
 * @throws EmbedderConfigError for invalid options.
 * @example
 * const embedder = createSparseEmbedder();
 * embedder.fit(['запишите на маникюр', 'где припарковаться']);
 * const v = embedder.embedSync('записаться на маникюрчик');
 * embedder.id // "sparse:v1:c2-5:b262144:s1:bg1"
 */
export function createSparseEmbedder(options?: SparseEmbedderOptions): SparseEmbedder {
  return buildSparseEmbedder(resolveSparseOptions(options), undefined);
}

/**
 * Restores an embedder saved with `toJSON()` (possibly through `JSON.stringify`/`JSON.parse`); it embeds
 * every text exactly as the saved one did.
 *
 * @throws EmbedderConfigError when the state is corrupt or was saved by another version of the featuriser.
 * @example
 * const restored = sparseEmbedderFromJSON(JSON.parse(JSON.stringify(embedder)));
 */
export function sparseEmbedderFromJSON(json: unknown): SparseEmbedder {
  const { settings, df } = decodeSparseState(json);
  return buildSparseEmbedder(settings, df);
}

function buildSparseEmbedder(settings: FeatureSettings, initial: DocumentFrequencies | undefined): SparseEmbedder {
  const featurise = createFeaturiser(settings);
  const counter = new BucketCounter(settings.buckets);
  let df = initial;
  let idf = idfWeights(df, settings.buckets);

  /** Runs the featuriser into the counter; the caller reads it and must clear it. */
  function count(text: unknown): void {
    counter.clear();
    // Callers are typed, but a guest's message may arrive as anything from a connector: never throw.
    if (typeof text === 'string' && text.length > 0) featurise(text, counter);
  }

  function embedSync(text: string): SparseVector {
    try {
      count(text);
      const indices = counter.sortedBuckets();
      const values = new Float32Array(indices.length);
      let squares = 0;
      for (let k = 0; k < indices.length; k++) {
        const index = indices[k];
        const weight = (1 + Math.log(counter.counts[index])) * idf[index];
        values[k] = weight;
        squares += weight * weight;
      }
      if (squares > 0) {
        const scale = 1 / Math.sqrt(squares);
        for (let k = 0; k < values.length; k++) values[k] *= scale;
      }
      return { indices, values };
    } finally {
      counter.clear();
    }
  }

  return {
    id: sparseEmbedderId(settings),
    embedSync,
    embed: async (text) => embedSync(text),
    embedBatch: async (texts) => texts.map(embedSync),
    fit(corpus: string[]): void {
      const perBucket = new Int32Array(settings.buckets);
      try {
        for (const text of corpus) {
          count(text);
          for (let k = 0; k < counter.size; k++) perBucket[counter.touched[k]]++;
        }
      } finally {
        counter.clear();
      }
      df = sparseDocumentFrequencies(perBucket, corpus.length);
      idf = idfWeights(df, settings.buckets);
    },
    toJSON: () => encodeSparseState(settings, df),
  };
}

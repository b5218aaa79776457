/**
 * Inverse document frequencies of hashed features: how many training texts contain each bucket, and the
 * smoothed IDF weight that follows from it.
 */

/** Document frequencies learnt from a corpus, stored sparsely (only buckets seen at least once). */
export interface DocumentFrequencies {
  /** How many texts the corpus had. */
  documents: number;
  /** Buckets seen, ascending. */
  indices: Int32Array;
  /** For each bucket in `indices`, how many texts contained it. */
  counts: Int32Array;
}

/**
 * The smoothed IDF of a feature seen in `df` of `documents` texts: ln((1 + N) / (1 + df)) + 1. A feature
 * in every text weighs 1; an unseen one gets the largest weight, ln(1 + N) + 1.
 *
 * @example
 * smoothIdf(0, 9) // ≈ 3.30, the largest weight for a corpus of 9 texts
 */
export function smoothIdf(df: number, documents: number): number {
  return Math.log((1 + documents) / (1 + df)) + 1;
}

/**
 * The IDF weight of every bucket, as a dense array. Without document frequencies (an embedder that was not
 * fitted) every weight is 1, i.e. plain sublinear TF.
 */
export function idfWeights(df: DocumentFrequencies | undefined, buckets: number): Float32Array {
  if (!df) return new Float32Array(buckets).fill(1);
  const weights = new Float32Array(buckets).fill(smoothIdf(0, df.documents));
  for (let k = 0; k < df.indices.length; k++) weights[df.indices[k]] = smoothIdf(df.counts[k], df.documents);
  return weights;
}

/** Turns dense per-bucket counts into the sparse form. */
export function sparseDocumentFrequencies(counts: Int32Array, documents: number): DocumentFrequencies {
  let seen = 0;
  for (let b = 0; b < counts.length; b++) if (counts[b] > 0) seen++;
  const indices = new Int32Array(seen);
  const values = new Int32Array(seen);
  let k = 0;
  for (let b = 0; b < counts.length; b++) {
    if (counts[b] > 0) {
      indices[k] = b;
      values[k++] = counts[b];
    }
  }
  return { documents, indices, counts: values };
}

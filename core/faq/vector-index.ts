/**
 * An inverted index over sparse vectors: the dot product of a query with every stored vector at once,
 * touching only the buckets the query has. Gives exactly `dot(query, vector)` for each vector, at a
 * fraction of the cost of merging the query with each one.
 */
import type { SparseVector } from '../../nlu';

export interface VectorIndex {
  /** `dot(query, vectors[i])` for every stored vector, in order. */
  dots(query: SparseVector): Float64Array;
}

/**
 * Indexes the vectors by bucket.
 *
 * @example
 * const index = createVectorIndex(questions.map((q) => embedder.embedSync(q)));
 * index.dots(embedder.embedSync('скок стоит шеллак')) // cosine similarity to each question
 */
export function createVectorIndex(vectors: readonly SparseVector[]): VectorIndex {
  const lists = new Map<number, Array<[vector: number, value: number]>>();
  vectors.forEach((vector, i) => {
    for (let k = 0; k < vector.indices.length; k++) {
      const bucket = vector.indices[k];
      let list = lists.get(bucket);
      if (!list) lists.set(bucket, (list = []));
      list.push([i, vector.values[k]]);
    }
  });
  // Packed per bucket: the vectors' positions and their values, read in one tight loop per query bucket.
  const postings = new Map<number, { ids: Int32Array; values: Float64Array }>();
  for (const [bucket, list] of lists) {
    postings.set(bucket, { ids: Int32Array.from(list, ([i]) => i), values: Float64Array.from(list, ([, v]) => v) });
  }
  const count = vectors.length;
  return {
    dots(query) {
      const out = new Float64Array(count);
      for (let k = 0; k < query.indices.length; k++) {
        const posting = postings.get(query.indices[k]);
        if (!posting) continue;
        const weight = query.values[k];
        const { ids, values } = posting;
        for (let p = 0; p < ids.length; p++) out[ids[p]] += weight * values[p];
      }
      return out;
    },
  };
}

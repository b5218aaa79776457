import type { Vector } from '../types';

/** A vector as parallel arrays of feature ids and values, the shape the classifier trains on. */
export interface FeatureRow {
  ids: Int32Array;
  values: Float32Array;
}

/** Views a sparse or dense vector as a feature row, without copying a sparse one. */
export function toFeatureRow(vector: Vector): FeatureRow {
  if (vector instanceof Float32Array) {
    const ids = new Int32Array(vector.length);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    return { ids, values: vector };
  }
  return { ids: vector.indices, values: vector.values };
}

/** The number of feature ids a set of rows needs (max id + 1). */
export function featureSpace(rows: FeatureRow[]): number {
  let max = -1;
  for (const row of rows) for (let i = 0; i < row.ids.length; i++) if (row.ids[i] > max) max = row.ids[i];
  return max + 1;
}

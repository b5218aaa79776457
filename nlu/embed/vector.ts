/**
 * Vector arithmetic shared by every embedder and classifier: dot products, norms and conversions for
 * sparse vectors (sorted, unique indices) and dense `Float32Array`s, in any combination.
 */
import type { SparseVector, Vector } from '../types';

/**
 * Tells a sparse vector from a dense one.
 *
 * @example
 * isSparse({ indices: Int32Array.of(3), values: Float32Array.of(1) }) // true
 */
export function isSparse(v: Vector): v is SparseVector {
  return !(v instanceof Float32Array);
}

/**
 * The dot product of two vectors. Sparse × sparse merges the sorted index lists; dense × dense runs over
 * the shorter length (so an empty vector scores 0 against anything); sparse × dense looks the sparse
 * indices up in the dense array. For L2-normalised vectors this is the cosine similarity.
 *
 * @example
 * dot(Float32Array.of(0.6, 0.8), Float32Array.of(1, 0)) // 0.6
 */
export function dot(a: Vector, b: Vector): number {
  if (isSparse(a)) return isSparse(b) ? dotSparse(a, b) : dotSparseDense(a, b);
  return isSparse(b) ? dotSparseDense(b, a) : dotDense(a, b);
}

function dotSparse(a: SparseVector, b: SparseVector): number {
  const ai = a.indices;
  const bi = b.indices;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) sum += a.values[i++] * b.values[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

function dotSparseDense(a: SparseVector, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.indices.length; k++) {
    const index = a.indices[k];
    if (index < b.length) sum += a.values[k] * b[index];
  }
  return sum;
}

function dotDense(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += a[k] * b[k];
  return sum;
}

/** The Euclidean (L2) length of a vector. */
export function l2norm(v: Vector): number {
  const values = isSparse(v) ? v.values : v;
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] * values[k];
  return Math.sqrt(sum);
}

/**
 * Returns a copy of the vector scaled to unit length; a zero vector comes back as an unchanged copy.
 *
 * @example
 * l2normalise(Float32Array.of(3, 4)) // Float32Array [0.6, 0.8]
 */
export function l2normalise<V extends Vector>(v: V): V {
  const norm = l2norm(v);
  const scale = norm > 0 ? 1 / norm : 1;
  if (isSparse(v)) {
    const values = v.values.map((x) => x * scale);
    return { indices: v.indices.slice(), values } as V;
  }
  return (v as Float32Array).map((x) => x * scale) as V;
}

/**
 * Spreads a vector over a dense array of `dim` entries. Sparse indices at or beyond `dim` are dropped;
 * a dense vector is copied, cut or zero-padded to `dim`.
 *
 * @example
 * toDense({ indices: Int32Array.of(1), values: Float32Array.of(1) }, 3) // Float32Array [0, 1, 0]
 */
export function toDense(v: Vector, dim: number): Float32Array {
  const out = new Float32Array(dim);
  if (isSparse(v)) {
    for (let k = 0; k < v.indices.length; k++) {
      const index = v.indices[k];
      if (index >= 0 && index < dim) out[index] = v.values[k];
    }
  } else {
    out.set(v.length > dim ? v.subarray(0, dim) : v);
  }
  return out;
}

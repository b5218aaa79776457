/**
 * The saved form of a sparse embedder (settings + document frequencies) for the training cache, and its
 * validation on the way back in. Typed arrays travel as base64 of little-endian int32s: a few hundred KB
 * for a typical training set instead of megabytes of JSON numbers.
 */
import { EmbedderConfigError } from './embedder-config-error';
import type { FeatureSettings } from './features';
import type { DocumentFrequencies } from './idf';
import { resolveSparseOptions, settingsToOptions, sparseEmbedderId, type SparseEmbedderOptions } from './sparse-options';

export const SPARSE_STATE_FORMAT = 'coco.sparse-embedder';

/** The JSON shape of a saved sparse embedder. */
export interface SparseEmbedderState {
  format: typeof SPARSE_STATE_FORMAT;
  /** The embedder id at save time; a mismatch on load means the featuriser changed since. */
  id: string;
  options: Required<SparseEmbedderOptions>;
  /** Null for an embedder that was never fitted. */
  idf: { documents: number; indices: string; counts: string } | null;
}

/** Builds the saved form. */
export function encodeSparseState(settings: FeatureSettings, df: DocumentFrequencies | undefined): SparseEmbedderState {
  return {
    format: SPARSE_STATE_FORMAT,
    id: sparseEmbedderId(settings),
    options: settingsToOptions(settings),
    idf: df ? { documents: df.documents, indices: int32ToBase64(df.indices), counts: int32ToBase64(df.counts) } : null,
  };
}

const retrain = 'delete the training cache and train again';

/**
 * Reads a saved form back, checking every field.
 *
 * @throws EmbedderConfigError when the JSON is not a sparse embedder state, was made by another version of
 * the featuriser, or is internally inconsistent.
 */
export function decodeSparseState(json: unknown): { settings: FeatureSettings; df: DocumentFrequencies | undefined } {
  const state = json as Partial<SparseEmbedderState> | null;
  if (!state || typeof state !== 'object' || state.format !== SPARSE_STATE_FORMAT) {
    throw new EmbedderConfigError('state', `is not a saved sparse embedder (expected format "${SPARSE_STATE_FORMAT}")`, { hint: retrain });
  }
  if (!state.options || typeof state.options !== 'object') {
    throw new EmbedderConfigError('state.options', 'is missing', { hint: retrain });
  }
  const settings = resolveSparseOptions(state.options);
  const id = sparseEmbedderId(settings);
  if (state.id !== id) {
    throw new EmbedderConfigError('state.id', `was saved as "${String(state.id)}" but these options now give "${id}" (the featuriser changed)`, { hint: retrain });
  }
  if (state.idf === null || state.idf === undefined) return { settings, df: undefined };
  const { documents, indices, counts } = state.idf;
  if (!Number.isInteger(documents) || documents < 0) {
    throw new EmbedderConfigError('state.idf.documents', `${String(documents)} is not a document count`, { hint: retrain });
  }
  const df: DocumentFrequencies = {
    documents,
    indices: base64ToInt32(indices, 'state.idf.indices'),
    counts: base64ToInt32(counts, 'state.idf.counts'),
  };
  checkFrequencies(df, settings.buckets);
  return { settings, df };
}

function checkFrequencies(df: DocumentFrequencies, buckets: number): void {
  if (df.indices.length !== df.counts.length) {
    throw new EmbedderConfigError('state.idf', `has ${df.indices.length} indices but ${df.counts.length} counts`, { hint: retrain });
  }
  for (let k = 0; k < df.indices.length; k++) {
    const index = df.indices[k];
    if (index < 0 || index >= buckets || (k > 0 && index <= df.indices[k - 1])) {
      throw new EmbedderConfigError('state.idf.indices', `entry ${k} (${index}) is out of order or outside 0..${buckets - 1}`, { hint: retrain });
    }
    if (df.counts[k] < 1 || df.counts[k] > df.documents) {
      throw new EmbedderConfigError('state.idf.counts', `entry ${k} (${df.counts[k]}) is outside 1..${df.documents}`, { hint: retrain });
    }
  }
}

function int32ToBase64(values: Int32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (let k = 0; k < values.length; k++) bytes.writeInt32LE(values[k], k * 4);
  return bytes.toString('base64');
}

function base64ToInt32(text: unknown, field: string): Int32Array {
  if (typeof text !== 'string') throw new EmbedderConfigError(field, 'is not a base64 string', { hint: retrain });
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) throw new EmbedderConfigError(field, `has ${bytes.length} bytes, not a whole number of int32s`, { hint: retrain });
  const values = new Int32Array(bytes.length / 4);
  for (let k = 0; k < values.length; k++) values[k] = bytes.readInt32LE(k * 4);
  return values;
}

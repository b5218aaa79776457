/**
 * Options of the sparse featuriser: defaults, validation, and the id that names a setting.
 */
import { EmbedderConfigError } from './embedder-config-error';
import type { FeatureSettings } from './features';

export interface SparseEmbedderOptions {
  /** Shortest and longest character n-gram, boundary markers included. Default [2, 5]. */
  charNgrams?: [min: number, max: number];
  /** Number of hash buckets (the vector dimension). Default 2^18. */
  buckets?: number;
  /** Adds each word's Russian stem as a feature. Default true. */
  wordStems?: boolean;
  /** Adds bigrams of adjacent stems ("не" + "прид"). Default true. */
  stemBigrams?: boolean;
}

/** Bumped whenever the features of a text change, so that training caches keyed by the id are invalidated. */
export const SPARSE_FEATURES_VERSION = 1;

export const DEFAULT_SPARSE_OPTIONS: Required<SparseEmbedderOptions> = {
  charNgrams: [2, 5],
  buckets: 1 << 18,
  wordStems: true,
  stemBigrams: true,
};

const MAX_NGRAM = 16;
const MAX_BUCKETS = 1 << 24;

/**
 * Fills in defaults and checks the options.
 *
 * @throws EmbedderConfigError for n-gram sizes outside 1..16 or reversed, or a bucket count outside 16..2^24.
 */
export function resolveSparseOptions(options: SparseEmbedderOptions = {}): FeatureSettings {
  const [minN, maxN] = options.charNgrams ?? DEFAULT_SPARSE_OPTIONS.charNgrams;
  const buckets = options.buckets ?? DEFAULT_SPARSE_OPTIONS.buckets;
  if (!Number.isInteger(minN) || !Number.isInteger(maxN) || minN < 1 || maxN < minN || maxN > MAX_NGRAM) {
    throw new EmbedderConfigError('charNgrams', `[${minN}, ${maxN}] is not a valid n-gram range`, {
      hint: `give two integers with 1 ≤ min ≤ max ≤ ${MAX_NGRAM}, e.g. [2, 5]`,
    });
  }
  if (!Number.isInteger(buckets) || buckets < 16 || buckets > MAX_BUCKETS) {
    throw new EmbedderConfigError('buckets', `${buckets} is not a valid bucket count`, {
      hint: `give an integer between 16 and ${MAX_BUCKETS}; a power of two such as 262144 is usual`,
    });
  }
  return {
    minN,
    maxN,
    buckets,
    wordStems: options.wordStems ?? DEFAULT_SPARSE_OPTIONS.wordStems,
    stemBigrams: options.stemBigrams ?? DEFAULT_SPARSE_OPTIONS.stemBigrams,
  };
}

/** The options that give these settings back (for serialisation). */
export function settingsToOptions(settings: FeatureSettings): Required<SparseEmbedderOptions> {
  return {
    charNgrams: [settings.minN, settings.maxN],
    buckets: settings.buckets,
    wordStems: settings.wordStems,
    stemBigrams: settings.stemBigrams,
  };
}

/**
 * The stable id of a setting, e.g. "sparse:v1:c2-5:b262144:s1:bg1" (version, char n-grams, buckets, stems,
 * stem bigrams).
 */
export function sparseEmbedderId(settings: FeatureSettings): string {
  const flag = (on: boolean) => (on ? 1 : 0);
  return `sparse:v${SPARSE_FEATURES_VERSION}:c${settings.minN}-${settings.maxN}:b${settings.buckets}:s${flag(settings.wordStems)}:bg${flag(settings.stemBigrams)}`;
}

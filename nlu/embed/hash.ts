/**
 * A fast 32-bit string hash for feature hashing: FNV-1a over UTF-16 code units, fed one code unit at a
 * time so that n-grams can be hashed incrementally without building substrings, and finished with the
 * murmur3 mixer so that the low bits (the bucket) are well spread.
 */

/** The FNV-1a 32-bit offset basis: the state of an empty input. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Feeds one UTF-16 code unit into an FNV-1a state and returns the new state (a signed 32-bit integer).
 *
 * @example
 * const h = fnvStep(fnvStep(FNV_OFFSET, 0x61), 0x62); // the state after "ab"
 */
export function fnvStep(state: number, code: number): number {
  return Math.imul(state ^ code, FNV_PRIME);
}

/** Feeds a whole string (or `text[start, end)`) into an FNV-1a state. */
export function fnvString(state: number, text: string, start = 0, end = text.length): number {
  let h = state;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Feeds a 32-bit integer into an FNV-1a state, as two 16-bit units (how two hashes are combined). */
export function fnvInt(state: number, value: number): number {
  return Math.imul(Math.imul(state ^ (value & 0xffff), FNV_PRIME) ^ (value >>> 16), FNV_PRIME);
}

/** The murmur3 finaliser: avalanches every input bit over the output; returns an unsigned 32-bit integer. */
export function fmix32(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Maps a hash state onto one of `buckets` feature slots.
 *
 * @example
 * bucketOf(fnvString(FNV_OFFSET, 'ман'), 1 << 18) // a number in [0, 262144)
 */
export function bucketOf(state: number, buckets: number): number {
  return fmix32(state) % buckets;
}

/**
 * A seed for one feature family (char n-grams, stems, stem bigrams), so that the same string in two
 * families lands in unrelated buckets.
 */
export function familySeed(name: string): number {
  return fnvString(FNV_OFFSET, `${name}\u0000`);
}

/**
 * A small least-recently-used map: the formatters' memo of times and names (reading one through Intl
 * costs more than the rest of the sentence around it), and the in-memory table of Telegram button payloads.
 */

/**
 * Remembers at most `capacity` values; reading a key makes it the most recently used, and adding one
 * beyond the capacity forgets the least recently used.
 *
 * @example
 * const memo = new BoundedMemo<string, number>(2);
 * memo.set('a', 1); memo.set('b', 2); memo.get('a'); memo.set('c', 3);
 * memo.has('b') // false: 'a' was read after it
 */
export class BoundedMemo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`a memo needs a capacity of at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.values.size;
  }

  has(key: K): boolean {
    return this.values.has(key);
  }

  /** The value of `key`, now the most recently used; undefined when it is not remembered. */
  get(key: K): V | undefined {
    const value = this.values.get(key);
    if (value === undefined) return undefined;
    // A Map iterates in insertion order: re-inserting moves the key to the young end.
    this.values.delete(key);
    this.values.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > this.capacity) this.values.delete(this.values.keys().next().value as K);
  }

  /** The remembered value of `key`, else `compute()` remembered (undefined results are not kept). */
  getOrCompute<W extends V | undefined>(key: K, compute: () => W): V | W {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (value !== undefined) this.set(key, value as V);
    return value;
  }
}

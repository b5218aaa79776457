import { expect } from 'chai';
import { bucketOf, familySeed, FNV_OFFSET, fnvStep, fnvString } from '../../../nlu/embed/hash';

describe('feature hash', () => {
  it('matches the published FNV-1a 32-bit values for ASCII input', () => {
    // Reference values from the FNV test suite (draft-eastlake-fnv): "" → 0x811c9dc5, "a" → 0xe40c292c.
    expect(fnvString(FNV_OFFSET, '') >>> 0).to.equal(0x811c9dc5);
    expect(fnvString(FNV_OFFSET, 'a') >>> 0).to.equal(0xe40c292c);
    expect(fnvString(FNV_OFFSET, 'foobar') >>> 0).to.equal(0xbf9cf968);
  });

  it('gives the same state whether fed by char codes one at a time or as a string', () => {
    let h = FNV_OFFSET;
    for (const ch of 'ман') h = fnvStep(h, ch.charCodeAt(0));
    expect(h).to.equal(fnvString(FNV_OFFSET, 'ман'));
  });

  it('puts the same string of two feature families in different buckets', () => {
    const buckets = 1 << 18;
    expect(bucketOf(fnvString(familySeed('char'), 'ман'), buckets)).to.not.equal(bucketOf(fnvString(familySeed('stem'), 'ман'), buckets));
  });

  it('spreads similar n-grams evenly over the buckets', () => {
    const buckets = 64;
    const counts = new Array(buckets).fill(0);
    for (let i = 0; i < 6400; i++) counts[bucketOf(fnvString(FNV_OFFSET, `ма${i}`), buckets)]++;
    expect(Math.min(...counts)).to.be.greaterThan(60);
    expect(Math.max(...counts)).to.be.lessThan(140);
  });
});

import { expect } from 'chai';
import { BoundedMemo } from '../../common/bounded-memo';

describe('BoundedMemo', () => {
  it('gives back what was set, and undefined for a key it never saw', () => {
    const memo = new BoundedMemo<string, number>(3);
    memo.set('a', 1);
    expect(memo.get('a')).to.equal(1);
    expect(memo.get('b')).to.equal(undefined);
  });

  it('forgets the least recently used key when it grows past its capacity', () => {
    const memo = new BoundedMemo<string, number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.get('a');
    memo.set('c', 3);
    expect(memo.has('a')).to.equal(true);
    expect(memo.has('b')).to.equal(false);
    expect(memo.has('c')).to.equal(true);
    expect(memo.size).to.equal(2);
  });

  it('computes a value once and then answers from memory', () => {
    const memo = new BoundedMemo<string, string>(4);
    let calls = 0;
    const upper = (s: string) => memo.getOrCompute(s, () => (calls++, s.toUpperCase()));
    expect([upper('x'), upper('x'), upper('y')]).to.deep.equal(['X', 'X', 'Y']);
    expect(calls).to.equal(2);
  });

  it('does not remember an undefined result, so a failed reading is tried again', () => {
    const memo = new BoundedMemo<string, number>(4);
    let calls = 0;
    memo.getOrCompute('bad', () => (calls++, undefined));
    memo.getOrCompute('bad', () => (calls++, undefined));
    expect(calls).to.equal(2);
    expect(memo.size).to.equal(0);
  });

  it('refuses a capacity below one', () => {
    expect(() => new BoundedMemo(0)).to.throw(RangeError, /capacity of at least 1/);
  });
});

import { expect } from 'chai';
import { backoffDelay } from '../../../core/delivery';

describe('backoffDelay', () => {
  const policy = { baseMs: 1000, maxMs: 10_000, maxAttempts: 10 };

  it('doubles the wait after each failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy))).to.deep.equal([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('never waits less than the channel asked for', () => {
    expect(backoffDelay(1, policy, 30_000)).to.equal(30_000);
  });
});

import { expect } from 'chai';
import { shouldRephrase } from '../../../core/llm';

describe('shouldRephrase', () => {
  it('rephrases nothing when off, marked responses when marked, everything when all', () => {
    expect([shouldRephrase('off', true), shouldRephrase('off', false)]).to.deep.equal([false, false]);
    expect([shouldRephrase('marked', true), shouldRephrase('marked', false)]).to.deep.equal([true, false]);
    expect([shouldRephrase('all', true), shouldRephrase('all', false)]).to.deep.equal([true, true]);
  });
});

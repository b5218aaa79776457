import { expect } from 'chai';
describe('toolchain', () => {
  it('runs TypeScript tests with chai', () => { expect(1 + 1).to.equal(2); });
});

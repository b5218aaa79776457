import { expect } from 'chai';
import { priceOf } from '../../crm';
import { catalog } from './fixtures';

const TOP = { level: 'top' as const };
const REGULAR = { level: 'regular' as const };

describe('priceOf', () => {
  it('sums the services of a regular master', () => {
    expect(priceOf(['manicure_gel', 'pedicure_gel'], REGULAR, catalog)).to.deep.equal({ price: 6500, priceFrom: false });
  });

  it('adds 30 % for a top master', () => {
    expect(priceOf(['manicure_gel'], TOP, catalog)).to.deep.equal({ price: 3770, priceFrom: false });
  });

  it('makes polish removal free before a new coating', () => {
    expect(priceOf(['polish_removal', 'manicure_gel'], REGULAR, catalog).price).to.equal(2900);
    expect(priceOf(['polish_removal', 'manicure_classic'], REGULAR, catalog).price).to.equal(2300);
  });

  it('marks a "from" price', () => {
    expect(priceOf(['haircut_women'], TOP, catalog)).to.deep.equal({ price: 3250, priceFrom: true });
  });
});

import { expect } from 'chai';
import { guaranteeFor } from '../../crm';
import { catalog, msk, NOW } from './fixtures';

describe('guaranteeFor', () => {
  it('covers a gel manicure done 3 days ago (7 days of guarantee)', () => {
    expect(guaranteeFor({ start: msk('2026-11-21 14:00') }, 'manicure_gel', catalog, NOW)).to.deep.equal({ within: true, days: 7, until: '2026-11-28' });
  });

  it('does not cover a haircut done 20 days ago (7 days of guarantee)', () => {
    expect(guaranteeFor({ start: msk('2026-11-04 16:00') }, 'haircut_women', catalog, NOW)).to.deep.equal({ within: false, days: 7, until: '2026-11-11' });
  });

  it('covers the last day in full, in salon time', () => {
    // Nail extension: 5 days. Done on the 19th, covered to the 24th inclusive, late evening too.
    const lateEvening = new Date(msk('2026-11-24 23:59'));
    expect(guaranteeFor({ start: msk('2026-11-19 20:00') }, 'nail_extension', catalog, lateEvening)).to.include({ within: true, until: '2026-11-24' });
    expect(guaranteeFor({ start: msk('2026-11-18 20:00') }, 'nail_extension', catalog, NOW).within).to.equal(false);
  });

  it('gives lash extension 3 days', () => {
    expect(guaranteeFor({ start: msk('2026-11-21 10:00') }, 'lash_extension', catalog, NOW)).to.deep.equal({ within: true, days: 3, until: '2026-11-24' });
  });

  it('accepts the date a guest named instead of a visit', () => {
    expect(guaranteeFor({ start: '2026-11-22' }, 'pedicure_gel', catalog, NOW)).to.include({ within: true, until: '2026-11-29' });
  });

  it('never covers a service without a guarantee', () => {
    expect(guaranteeFor({ start: msk('2026-11-23 10:00') }, 'manicure_classic', catalog, NOW)).to.deep.equal({ within: false, days: 0, until: '2026-11-23' });
  });
});

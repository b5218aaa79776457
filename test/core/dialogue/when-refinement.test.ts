/** A time said after a day was chosen refines that day (#13, defect 6: «к Марине в 19:30» kept Friday). */
import { expect } from 'chai';
import { refinedWhen } from '../../../core/dialogue/slots';

const friday = { windows: [{ from: '2026-11-27T18:00:00+03:00', to: '2026-11-27T22:00:00+03:00' }], source: 'в пятницу после 6' };
const at1930 = {
  windows: ['2026-11-26', '2026-11-27', '2026-11-28'].map((d) => ({ from: `${d}T19:30:00+03:00`, to: `${d}T19:30:00+03:00` })),
  source: 'в 19:30',
  timeOnly: true,
};

describe('a time of day after a chosen day', () => {
  it('is that time on the chosen day', () => {
    expect(refinedWhen(friday, at1930)).to.deep.equal({ windows: [{ from: '2026-11-27T19:30:00+03:00', to: '2026-11-27T19:30:00+03:00' }], source: 'в пятницу после 6, в 19:30' });
  });

  it('stands as said when no day was chosen, when it names a day itself, or when none of its windows falls on the day', () => {
    expect(refinedWhen(undefined, at1930)).to.equal(at1930);
    const saturday = { windows: [{ from: '2026-11-28T19:30:00+03:00', to: '2026-11-28T19:30:00+03:00' }], source: 'в субботу в 19:30' };
    expect(refinedWhen(friday, saturday)).to.equal(saturday);
    const monday = { windows: [{ from: '2026-11-30T10:00:00+03:00', to: '2026-11-30T22:00:00+03:00' }], source: 'в понедельник' };
    expect(refinedWhen(monday, at1930)).to.equal(at1930);
  });
});

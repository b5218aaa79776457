import { expect } from 'chai';
import { formatMsk } from '../../../../nlu/entities/datetime/calendar';

describe('formatMsk', () => {
  it('writes an instant in Moscow time with the +03:00 offset, to the second', () => {
    expect(formatMsk(Date.UTC(2026, 10, 27, 15))).to.equal('2026-11-27T18:00:00+03:00');
    expect(formatMsk(Date.UTC(2026, 11, 31, 21, 30, 5, 999))).to.equal('2027-01-01T00:30:05+03:00');
  });

  it('writes exactly what Date#toISOString gives for the same Moscow wall time', () => {
    const reference = (ms: number) => new Date(ms + 3 * 3_600_000).toISOString().slice(0, 19) + '+03:00';
    const instants = [0, -1, 1.5, -86_400_000 * 400, Date.UTC(2028, 1, 29, 20, 59, 59, 500), Date.UTC(9999, 11, 31, 20, 59, 59), Date.UTC(10000, 0, 1)];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 97 * 60_000 + 7_001) instants.push(ms);
    for (const ms of instants) expect(formatMsk(ms), String(ms)).to.equal(reference(ms));
  });
});

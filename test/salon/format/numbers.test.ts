import { expect } from 'chai';
import { formatCount, formatDuration, formatPercent, formatPrice, type CountCase, type CountUnit } from '../../../salon/format';

/** Test expectations write plain spaces; the helpers use no-break ones so that "2 900 ₽" stays on one line. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

describe('formatPrice', () => {
  const cases: Array<[number, boolean | undefined, string]> = [
    [2900, undefined, '2 900 ₽'],
    [2500, true, 'от 2 500 ₽'],
    [150, undefined, '150 ₽'],
    [1000, false, '1 000 ₽'],
    [3770.4, undefined, '3 770 ₽'],
    [10000, undefined, '10 000 ₽'],
    [1234567, undefined, '1 234 567 ₽'],
    [0, undefined, '0 ₽'],
    [Number.NaN, undefined, ''],
  ];
  for (const [rub, from, expected] of cases) {
    it(`shows ${rub}${from ? ' (from)' : ''} as "${expected}"`, () => {
      expect(plain(formatPrice(rub, { from }))).to.equal(expected);
    });
  }

  it('keeps the number in one piece with no-break spaces', () => {
    expect(formatPrice(2500, { from: true })).to.equal('от\u00A02\u202F500\u00A0₽');
  });
});

describe('formatPercent', () => {
  it('puts a space before the percent sign', () => {
    expect(formatPercent(30)).to.equal('30 %');
  });
});

describe('formatCount and formatDuration', () => {
  const counts: Array<[number, CountUnit, CountCase | undefined, string]> = [
    [1, 'hour', undefined, '1 час'],
    [2, 'hour', undefined, '2 часа'],
    [4, 'hour', 'accusative', '4 часа'],
    [5, 'hour', undefined, '5 часов'],
    [11, 'hour', undefined, '11 часов'],
    [21, 'hour', undefined, '21 час'],
    [1, 'hour', 'genitive', '1 часа'],
    [2, 'hour', 'genitive', '2 часов'],
    [30, 'day', undefined, '30 дней'],
    [1, 'day', undefined, '1 день'],
    [3, 'day', 'genitive', '3 дней'],
    [1, 'minute', undefined, '1 минута'],
    [1, 'minute', 'accusative', '1 минуту'],
    [13, 'minute', undefined, '13 минут'],
    [22, 'minute', undefined, '22 минуты'],
  ];
  for (const [n, unit, grammaticalCase, expected] of counts) {
    it(`counts ${n} ${unit}${grammaticalCase ? ` (${grammaticalCase})` : ''} as "${expected}"`, () => {
      expect(plain(formatCount(n, unit, grammaticalCase))).to.equal(expected);
    });
  }

  it('agrees "день" with the number, as guarantees read', () => {
    expect([1, 3, 5, 7, 11, 21, 22].map((n) => plain(formatCount(n, 'day')))).to.deep.equal(['1 день', '3 дня', '5 дней', '7 дней', '11 дней', '21 день', '22 дня']);
  });

  const durations: Array<[number, CountCase | undefined, string]> = [
    [240, undefined, '4 часа'],
    [170, undefined, '2 часа 50 минут'],
    [90, undefined, '1 час 30 минут'],
    [40, undefined, '40 минут'],
    [120, 'genitive', '2 часов'],
    [0, undefined, '0 минут'],
    [-5, undefined, '0 минут'],
  ];
  for (const [minutes, grammaticalCase, expected] of durations) {
    it(`writes ${minutes} minutes${grammaticalCase ? ` (${grammaticalCase})` : ''} as "${expected}"`, () => {
      expect(plain(formatDuration(minutes, grammaticalCase))).to.equal(expected);
    });
  }
});

import { expect } from 'chai';
import { shippedCatalog } from '../../support/content';
import {
  describeForGuest, formatAdminAnswerTime, formatCount, formatDate, formatDuration, formatHours, formatList, formatPrice,
  formatServiceNames, formatSlotTime, maskPhone, type CountCase, type CountUnit,
} from '../../../engine/responses';

const MSK = 'Europe/Moscow';
/** Test expectations write plain spaces; the helpers use no-break ones so that "2 900 ₽" stays on one line. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

describe('formatSlotTime', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['2026-11-27T18:00:00+03:00', undefined, 'пт, 27 ноября, 18:00'],
    ['2026-11-27T15:00:00Z', undefined, 'пт, 27 ноября, 18:00'],
    ['2026-11-27T23:30:00+00:00', undefined, 'сб, 28 ноября, 02:30'],
    ['2026-11-27T18:00', undefined, 'пт, 27 ноября, 18:00'],
    ['2026-11-30T09:05:00+03:00', undefined, 'пн, 30 ноября, 09:05'],
    ['2027-01-03T10:00:00+03:00', undefined, 'вс, 3 января, 10:00'],
    ['2026-11-24T19:30:00+03:00', '2026-11-24T12:00:00+03:00', 'сегодня, 24 ноября, 19:30'],
    ['2026-11-25T18:00:00+03:00', '2026-11-24T12:00:00+03:00', 'завтра, 25 ноября, 18:00'],
    ['2026-11-26T18:00:00+03:00', '2026-11-24T12:00:00+03:00', 'чт, 26 ноября, 18:00'],
    // 23:30 UTC on the 24th is already the 25th in Moscow: "today" is the salon's day, not UTC's.
    ['2026-11-25T18:00:00+03:00', '2026-11-24T23:30:00Z', 'сегодня, 25 ноября, 18:00'],
    ['2026-11-25T18:00:00+03:00', '2026-11-24T23:30', 'завтра, 25 ноября, 18:00'],
    ['2026-11-27', undefined, 'пт, 27 ноября'],
    ['не дата', undefined, 'не дата'],
    ['2026-02-30T10:00', undefined, '2026-02-30T10:00'],
  ];
  for (const [iso, now, expected] of cases) {
    it(`shows ${iso}${now ? ` on ${now}` : ''} as "${expected}"`, () => {
      expect(formatSlotTime(iso, { timeZone: MSK, now })).to.equal(expected);
    });
  }

  it('reads `now` given as a Date or milliseconds', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    expect(formatSlotTime('2026-11-25T18:00:00+03:00', { timeZone: MSK, now })).to.equal('завтра, 25 ноября, 18:00');
    expect(formatSlotTime('2026-11-25T18:00:00+03:00', { timeZone: MSK, now: now.getTime() })).to.equal('завтра, 25 ноября, 18:00');
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = zone;
        expect(formatSlotTime('2026-11-27T15:00:00Z', { timeZone: MSK, now: '2026-11-26T23:30' }), zone).to.equal('завтра, 27 ноября, 18:00');
        expect(formatSlotTime('2026-11-27T18:00', { timeZone: MSK }), zone).to.equal('пт, 27 ноября, 18:00');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('shows the time in the zone it is given', () => {
    expect(formatSlotTime('2026-11-27T15:00:00Z', { timeZone: 'Asia/Yekaterinburg' })).to.equal('пт, 27 ноября, 20:00');
  });

  it('names an unknown time zone in its error', () => {
    expect(() => formatSlotTime('2026-11-27T15:00:00Z', { timeZone: 'Mars/Olympus' })).to.throw(/unknown time zone "Mars\/Olympus"/);
  });
});

describe('formatDate', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['2026-11-27', undefined, '27 ноября'],
    ['2026-11-27T22:30:00Z', undefined, '28 ноября'],
    ['2026-05-01', undefined, '1 мая'],
    ['2025-12-30', '2026-01-02T10:00:00+03:00', '30 декабря 2025'],
    ['2026-12-04', '2026-11-27T10:00:00+03:00', '4 декабря'],
    ['вчера', undefined, 'вчера'],
  ];
  for (const [iso, now, expected] of cases) {
    it(`shows ${iso}${now ? ` on ${now}` : ''} as "${expected}"`, () => {
      expect(formatDate(iso, { timeZone: MSK, now })).to.equal(expected);
    });
  }
});

describe('formatPrice', () => {
  const cases: Array<[number, boolean | undefined, string]> = [
    [2900, undefined, '2 900 ₽'],
    [2500, true, 'от 2 500 ₽'],
    [150, undefined, '150 ₽'],
    [1000, false, '1 000 ₽'],
    [3770.4, undefined, '3 770 ₽'],
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

describe('formatList', () => {
  const cases: Array<[string[], string]> = [
    [[], ''],
    [['маникюр'], 'маникюр'],
    [['маникюр', 'дизайн'], 'маникюр и дизайн'],
    [['снятие покрытия', 'маникюр', 'дизайн'], 'снятие покрытия, маникюр и дизайн'],
    [['маникюр', '', 'дизайн'], 'маникюр и дизайн'],
  ];
  for (const [items, expected] of cases) {
    it(`joins ${JSON.stringify(items)} as "${expected}"`, () => {
      expect(formatList(items)).to.equal(expected);
    });
  }
});

describe('formatServiceNames', () => {
  const cases: Array<[string[], boolean, string]> = [
    [['manicure_gel', 'nail_design'], false, 'маникюр с покрытием гель-лак и дизайн'],
    [['manicure_classic'], false, 'маникюр классический'],
    [['polish_removal', 'manicure_gel', 'nail_design'], false, 'снятие покрытия, маникюр с покрытием гель-лак и дизайн'],
    [['nail_design'], true, 'дизайн (1 ноготь)'],
    [['lash_extension'], true, 'наращивание ресниц (классика)'],
    [[], false, ''],
    [['unknown_service'], false, 'unknown_service'],
  ];
  for (const [ids, details, expected] of cases) {
    it(`names ${ids.join(' + ') || 'no services'}${details ? ' with details' : ''} "${expected}"`, () => {
      expect(formatServiceNames(ids, shippedCatalog(), { details })).to.equal(expected);
    });
  }
});

describe('maskPhone', () => {
  const cases: Array<[string, string]> = [
    ['+79991234567', '+7 999 ***-**-67'],
    ['89991234567', '+7 999 ***-**-67'],
    ['+7 (999) 123-45-67', '+7 999 ***-**-67'],
    ['9991234567', '+7 999 ***-**-67'],
    ['+447911123456', '+**********56'],
    ['123', ''],
    ['', ''],
  ];
  for (const [phone, expected] of cases) {
    it(`masks "${phone}" as "${expected}"`, () => {
      expect(maskPhone(phone)).to.equal(expected);
    });
  }
});

describe('formatHours', () => {
  const every = (hours: string) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours });
  const cases: Array<[string, Parameters<typeof formatHours>[0]['hours'], string]> = [
    ['the same every day', every('10:00-22:00'), 'ежедневно 10:00–22:00'],
    ['Sunday shorter', { ...every('09:00-21:00'), sun: '10:00-20:00' }, 'пн–сб 09:00–21:00, вс 10:00–20:00'],
    ['weekend shorter', { ...every('10:00-21:00'), sat: '11:00-18:00', sun: '11:00-18:00' }, 'пн–пт 10:00–21:00, сб, вс 11:00–18:00'],
    ['alternate days', { mon: '10:00-20:00', tue: '12:00-21:00', wed: '10:00-20:00', thu: '12:00-21:00', fri: '10:00-20:00' }, 'пн, ср, пт 10:00–20:00, вт, чт 12:00–21:00, сб, вс — выходные'],
    ['closed on Monday', { ...every('10:00-21:00'), mon: undefined }, 'вт–вс 10:00–21:00, пн — выходной'],
  ];
  for (const [what, hours, expected] of cases) {
    it(`writes hours ${what} as "${expected}"`, () => {
      expect(formatHours({ hours })).to.equal(expected);
    });
  }

  it('writes the shipped branches\' hours from the catalog', () => {
    const guest = describeForGuest({ catalog: shippedCatalog() });
    expect(['tverskaya', 'patriki', 'city'].map((id) => guest.formatHours(id))).to.deep.equal([
      'ежедневно 10:00–22:00', 'ежедневно 10:00–21:00', 'пн–сб 09:00–21:00, вс 10:00–20:00',
    ]);
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

describe('formatAdminAnswerTime', () => {
  const weekdays = { mon: '10:00-21:00', tue: '10:00-21:00', wed: '10:00-21:00', thu: '10:00-21:00', fri: '10:00-21:00' };
  // 2026-11-24 is a Tuesday, 2026-11-27 a Friday.
  const cases: Array<[string, string]> = [
    ['2026-11-24T12:00:00+03:00', 'в ближайшее время'],
    ['2026-11-24T08:00:00+03:00', 'сегодня после 10:00'],
    ['2026-11-24T21:00:00+03:00', 'завтра после 10:00'],
    ['2026-11-27T22:00:00+03:00', 'в понедельник после 10:00'],
    ['2026-11-28T12:00:00+03:00', 'в понедельник после 10:00'],
    ['2026-11-24T19:30:00Z', 'завтра после 10:00'],
  ];
  for (const [now, expected] of cases) {
    it(`says "${expected}" at ${now}`, () => {
      expect(formatAdminAnswerTime(weekdays, { timeZone: MSK, now })).to.equal(expected);
    });
  }

  it('says nothing when nobody answers on any day', () => {
    expect(formatAdminAnswerTime({}, { timeZone: MSK, now: '2026-11-24T12:00:00+03:00' })).to.equal('');
  });
});

describe('describeForGuest', () => {
  const guest = describeForGuest({ catalog: shippedCatalog(), now: '2026-11-24T12:00:00+03:00' });

  it('binds the helpers to the catalog\'s time zone and now', () => {
    expect(guest.formatSlotTime('2026-11-25T15:00:00Z')).to.equal('завтра, 25 ноября, 18:00');
    expect(guest.formatDate('2026-12-04')).to.equal('4 декабря');
    expect(guest.formatServiceNames(['manicure_gel', 'nail_design'])).to.equal('маникюр с покрытием гель-лак и дизайн');
    expect(plain(guest.formatPrice(2500, { from: true }))).to.equal('от 2 500 ₽');
    expect(guest.maskPhone('+79991234567')).to.equal('+7 999 ***-**-67');
  });

  it('names branches and masters from the catalog', () => {
    expect(guest.branchName('tverskaya')).to.equal('«Тверская»');
    expect(guest.branchNames(['patriki', 'city'])).to.equal('«Патриаршие» и «Сити»');
    expect(guest.branchAddress('city')).to.equal('Пресненская наб., 8, стр. 1, 2 этаж');
    expect(guest.masterName('olga')).to.equal('Ольга Смирнова');
    expect(guest.masterName('any')).to.equal('');
  });

  it('sums a booking up in one line', () => {
    expect(guest.bookingSummary({ services: ['manicure_gel'], start: '2026-11-27T18:00:00+03:00', branch: 'tverskaya', master: 'olga' }))
      .to.equal('маникюр с покрытием гель-лак, пт, 27 ноября, 18:00, «Тверская», мастер Ольга Смирнова');
    expect(guest.bookingSummary({ services: ['brow_shape'], start: '2026-11-25T11:00:00+03:00', branch: 'city', master: 'any' }))
      .to.equal('коррекция бровей, завтра, 25 ноября, 11:00, «Сити»');
  });

  it('tells when administrators answer only with a known now', () => {
    expect(guest.formatAdminAnswerTime({ tue: '10:00-21:00' })).to.equal('в ближайшее время');
    expect(describeForGuest({ catalog: shippedCatalog() }).formatAdminAnswerTime({ tue: '10:00-21:00' })).to.equal('');
  });
});

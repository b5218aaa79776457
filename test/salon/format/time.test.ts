import { expect } from 'chai';
import { formatAdminAnswerTime, formatDate, formatHours, formatSlotTime } from '../../../salon/format';

const MSK = 'Europe/Moscow';

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

describe('formatHours', () => {
  const every = (hours: string) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours });
  const cases: Array<[string, Parameters<typeof formatHours>[0]['hours'], string]> = [
    ['the same every day', every('10:00-22:00'), 'ежедневно 10:00–22:00'],
    ['Sunday shorter', { ...every('09:00-21:00'), sun: '10:00-20:00' }, 'пн–сб 09:00–21:00, вс 10:00–20:00'],
    ['weekend shorter', { ...every('10:00-21:00'), sat: '11:00-18:00', sun: '11:00-18:00' }, 'пн–пт 10:00–21:00, сб, вс 11:00–18:00'],
    ['alternate days', { mon: '10:00-20:00', tue: '12:00-21:00', wed: '10:00-20:00', thu: '12:00-21:00', fri: '10:00-20:00' }, 'пн, ср, пт 10:00–20:00, вт, чт 12:00–21:00, сб, вс — выходные'],
    ['the same hours on days apart', { ...every('10:00-20:00'), sat: '11:00-18:00' }, 'пн–пт, вс 10:00–20:00, сб 11:00–18:00'],
    ['only at the weekend', { sat: '10:00-16:00', sun: '10:00-16:00' }, 'сб, вс 10:00–16:00, пн–пт — выходные'],
    ['closed on Monday', { ...every('10:00-21:00'), mon: undefined }, 'вт–вс 10:00–21:00, пн — выходной'],
  ];
  for (const [what, hours, expected] of cases) {
    it(`writes hours ${what} as "${expected}"`, () => {
      expect(formatHours({ hours })).to.equal(expected);
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

import { expect } from 'chai';
import { CrmError, salonCalendar } from '../../crm';

describe('salonCalendar', () => {
  const calendar = salonCalendar('Europe/Moscow', new Date('2026-11-24T12:00:00Z'));

  it('writes instants in Moscow time whatever the process time zone', () => {
    expect(calendar.offsetMinutes).to.equal(180);
    expect(calendar.iso(Date.UTC(2026, 10, 27, 21, 30))).to.equal('2026-11-28T00:30:00+03:00');
  });

  it('counts days and weekdays from Moscow midnight', () => {
    const lateFriday = Date.parse('2026-11-27T23:30:00+03:00');
    expect(calendar.weekday(calendar.dayOf(lateFriday))).to.equal('fri');
    expect(calendar.date(calendar.dayOf(lateFriday))).to.equal('2026-11-27');
    expect(calendar.iso(calendar.at(calendar.dayOf(lateFriday), 600))).to.equal('2026-11-27T10:00:00+03:00');
  });

  it('reads a date-time without an offset as salon time', () => {
    expect(calendar.parse('2026-11-27T15:00')).to.equal(Date.parse('2026-11-27T15:00:00+03:00'));
    expect(calendar.parse('2026-11-27T12:00:00Z')).to.equal(Date.parse('2026-11-27T15:00:00+03:00'));
  });

  it('rejects text that is not a date-time', () => {
    expect(() => calendar.parse('в пятницу')).to.throw(CrmError, 'not an ISO date-time');
    expect(() => salonCalendar('Mars/Olympus')).to.throw(CrmError, 'unknown time zone');
  });
});

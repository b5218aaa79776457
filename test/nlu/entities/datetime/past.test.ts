import { expect } from 'chai';
import { extractWhen, type WhenOptions } from '../../../../nlu/entities/datetime';
import type { TimeWindow, WhenValue } from '../../../../nlu/types';

/** Tuesday 24 November 2026, noon in Moscow. */
const TUESDAY_NOON = new Date('2026-11-24T12:00:00+03:00');
/** Saturday 28 November 2026, 19:30 in Moscow. */
const SATURDAY_EVENING = new Date('2026-11-28T19:30:00+03:00');

const LOOKING_BACK: WhenOptions = { now: TUESDAY_NOON, direction: 'past', horizonDays: 60 };

/** "2026-11-21T09:00:00+03:00"–"2026-11-21T22:00:00+03:00" → "21.11 09:00–22:00". */
function show(w: TimeWindow): string {
  const at = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)} ${iso.slice(11, 16)}`;
  const from = at(w.from);
  const to = at(w.to);
  return from.slice(0, 5) === to.slice(0, 5) ? `${from}–${to.slice(6)}` : `${from} – ${to}`;
}

function windowsOf(text: string, options: Partial<WhenOptions> = {}): string[] {
  const [entity] = extractWhen(text, { ...LOOKING_BACK, ...options });
  expect(entity, `a when entity in ${JSON.stringify(text)}`).to.not.equal(undefined);
  return (entity.value as WhenValue).windows.map(show);
}

describe('extractWhen looking back (a visit’s day)', () => {
  describe('days (now: Tue 24.11 12:00)', () => {
    const rows: Array<[string, string[]]> = [
      ['в прошлую субботу', ['21.11 09:00–22:00']],
      ['в субботу', ['21.11 09:00–22:00']],
      ['во вторник', ['17.11 09:00–22:00']],
      ['в прошлый вторник', ['17.11 09:00–22:00']],
      ['в понедельник', ['23.11 09:00–22:00']],
      ['вчера', ['23.11 09:00–22:00']],
      ['позавчера', ['22.11 09:00–22:00']],
      ['сегодня', ['24.11 09:00–12:00']],
      ['3 дня назад', ['21.11 09:00–22:00']],
      ['неделю назад', ['17.11 09:00–22:00']],
      ['21 ноября', ['21.11 09:00–22:00']],
      ['21-го ноября', ['21.11 09:00–22:00']],
      ['21.11', ['21.11 09:00–22:00']],
      ['20-го', ['20.11 09:00–22:00']],
      ['25-го', ['25.10 09:00–22:00']],
      ['в выходные', ['21.11 09:00–22:00', '22.11 09:00–22:00']],
      ['на прошлой неделе', ['16.11 09:00–22:00', '17.11 09:00–22:00', '18.11 09:00–22:00', '19.11 09:00–22:00', '20.11 09:00–22:00', '21.11 09:00–22:00', '22.11 09:00–22:00']],
      ['вчера вечером', ['23.11 17:00–22:00']],
      ['в пятницу после 6', ['20.11 18:00–22:00']],
    ];
    for (const [text, expected] of rows) {
      it(`'${text}' → ${expected.join(', ')}`, () => expect(windowsOf(text)).to.deep.equal(expected));
    }
  });

  it('reads a weekday said on that weekday as last week’s, and «в эту субботу» as today', () => {
    expect(windowsOf('в субботу', { now: SATURDAY_EVENING })).to.deep.equal(['21.11 09:00–22:00']);
    expect(windowsOf('в эту субботу', { now: SATURDAY_EVENING })).to.deep.equal(['28.11 09:00–19:30']);
    expect(windowsOf('в выходные', { now: SATURDAY_EVENING })).to.deep.equal(['28.11 09:00–19:30']);
    expect(windowsOf('в прошлые выходные', { now: SATURDAY_EVENING })).to.deep.equal(['21.11 09:00–22:00', '22.11 09:00–22:00']);
  });

  it('gives no window for a day to come or for «как можно скорее»', () => {
    expect(windowsOf('завтра')).to.deep.equal([]);
    expect(windowsOf('как можно скорее')).to.deep.equal([]);
  });

  it('gives no window beyond the horizon', () => {
    expect(windowsOf('21 сентября', { horizonDays: 30 })).to.deep.equal([]);
    expect(windowsOf('21 сентября', { horizonDays: 90 })).to.deep.equal(['21.09 09:00–22:00']);
  });

  it('still looks ahead by default, where past days give no window', () => {
    expect(extractWhen('вчера', { now: TUESDAY_NOON })).to.deep.equal([]);
    expect(extractWhen('в прошлую субботу', { now: TUESDAY_NOON })).to.deep.equal([]);
    expect(windowsOf('21 ноября', { direction: 'future' })).to.deep.equal([]);
    expect(windowsOf('в прошлые выходные', { direction: 'future' })).to.deep.equal([]);
    expect(windowsOf('в субботу', { direction: 'future' })).to.deep.equal(['28.11 09:00–22:00']);
  });
});

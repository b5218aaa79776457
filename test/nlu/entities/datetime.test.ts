import { expect } from 'chai';
import { extractWhen, WhenOptions } from '../../../nlu/entities/datetime';
import type { Entity, TimeWindow, WhenValue } from '../../../nlu/types';

/** Tuesday 24 November 2026, noon in Moscow; the horizon ends Thursday 24 December 12:00. */
const TUESDAY_NOON = new Date('2026-11-24T12:00:00+03:00');
/** Saturday 28 November 2026, 19:30 in Moscow. */
const SATURDAY_EVENING = new Date('2026-11-28T19:30:00+03:00');
/** Sunday 29 November 2026, 23:30 in Moscow: every branch is closed. */
const SUNDAY_NIGHT = new Date('2026-11-29T23:30:00+03:00');
/** Wednesday 25 November 2026, 01:00 in Moscow, still Tuesday in UTC. */
const WEDNESDAY_1AM = new Date('2026-11-25T01:00:00+03:00');

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "2026-11-27T18:00:00+03:00" → "Fri 27.11 18:00". */
function moment(iso: string): string {
  const [, y, mo, d, hm] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}):00\+03:00$/.exec(iso) ?? [];
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  return `${weekday} ${d}.${mo} ${hm}`;
}

/** A window as a test reads it: "Fri 27.11 18:00–22:00", or "Tue 24.11 12:00 – Thu 24.12 12:00". */
function show(w: TimeWindow): string {
  const from = moment(w.from);
  const to = moment(w.to);
  return from.slice(0, 9) === to.slice(0, 9) ? `${from}–${to.slice(10)}` : `${from} – ${to}`;
}

function entityOf(text: string, options: Partial<WhenOptions> = {}): Entity | undefined {
  const found = extractWhen(text, { now: TUESDAY_NOON, ...options });
  expect(found.length, `at most one entity for ${JSON.stringify(text)}`).to.be.at.most(1);
  return found[0];
}

function valueOf(text: string, options: Partial<WhenOptions> = {}): WhenValue {
  const entity = entityOf(text, options);
  expect(entity, `a when entity in ${JSON.stringify(text)}`).to.not.equal(undefined);
  return entity!.value as WhenValue;
}

function windowsOf(text: string, options: Partial<WhenOptions> = {}): string[] {
  return valueOf(text, options).windows.map(show);
}

/** The same window every day of the horizon: its first and last day and how many there are. */
interface Daily {
  first: string;
  last: string;
  count: number;
}

type Expected = string[] | Daily;

function title(text: string, expected: Expected): string {
  if (Array.isArray(expected)) return `'${text}' → ${expected.length ? expected.join(', ') : 'no windows'}`;
  return `'${text}' → daily ${expected.first} … ${expected.last} (${expected.count} windows)`;
}

function check(text: string, expected: Expected, options: Partial<WhenOptions> = {}): void {
  const windows = windowsOf(text, options);
  if (Array.isArray(expected)) {
    expect(windows).to.deep.equal(expected);
  } else {
    expect(windows[0], 'first window').to.equal(expected.first);
    expect(windows[windows.length - 1], 'last window').to.equal(expected.last);
    expect(windows.length, 'window count').to.equal(expected.count);
  }
}

function table(rows: Array<[string, Expected]>, options: Partial<WhenOptions> = {}): void {
  for (const [text, expected] of rows) {
    it(title(text, expected), () => check(text, expected, options));
  }
}

describe('extractWhen', () => {
  describe('wordings guests write, found by the guest simulator (now: Tue 24.11 12:00)', () => {
    table([
      ['с 12 до 16 3 декабря если есть окошко', ['Thu 03.12 12:00–16:00']],
      ['в 10:30 3 декабря', ['Thu 03.12 10:30–10:30']],
      ['2 декабря псле 18', ['Wed 02.12 18:00–22:00']],
      ['до обда в пятницу', ['Fri 27.11 09:00–13:00']],
      ['в сб часиков в 6 посмотрим', ['Sat 28.11 18:00–18:00']],
      ['ой не в сб утром а 02.12 утром', ['Wed 02.12 09:00–12:00']],
      ['не в пятницу, а в субботу', ['Sat 28.11 09:00–22:00']],
    ]);
    it('«ближайшее что есть давайте» is the nearest free time', () => {
      expect(valueOf('ближайшее что есть давайте').asap).to.equal(true);
      expect(valueOf('самое раннее').asap).to.equal(true);
    });
    it('a time gone by has no windows and says so', () => {
      expect(valueOf('на 24 ноября в 10:30')).to.include({ outside: 'past' });
    });
  });

  describe('days (now: Tue 24.11 12:00)', () => {
    table([
      ['сегодня', ['Tue 24.11 12:00–22:00']],
      ['завтра', ['Wed 25.11 09:00–22:00']],
      ['послезавтра', ['Thu 26.11 09:00–22:00']],
      ['в пятницу', ['Fri 27.11 09:00–22:00']],
      ['в пт', ['Fri 27.11 09:00–22:00']],
      ['пятница', ['Fri 27.11 09:00–22:00']],
      ['на субботу', ['Sat 28.11 09:00–22:00']],
      ['в ср', ['Wed 25.11 09:00–22:00']],
      ['в вс', ['Sun 29.11 09:00–22:00']],
      ['в эту пятницу', ['Fri 27.11 09:00–22:00']],
      ['в следующую пятницу', ['Fri 04.12 09:00–22:00']],
      ['во вторник', ['Tue 01.12 09:00–22:00']],
      ['в этот вторник', ['Tue 24.11 12:00–22:00']],
      ['в выходные', ['Sat 28.11 09:00–22:00', 'Sun 29.11 09:00–22:00']],
      ['на выходных', ['Sat 28.11 09:00–22:00', 'Sun 29.11 09:00–22:00']],
      ['в следующие выходные', ['Sat 05.12 09:00–22:00', 'Sun 06.12 09:00–22:00']],
      ['в будни', { first: 'Tue 24.11 12:00–22:00', last: 'Thu 24.12 09:00–12:00', count: 23 }],
      [
        'на этой неделе',
        [
          'Tue 24.11 12:00–22:00',
          'Wed 25.11 09:00–22:00',
          'Thu 26.11 09:00–22:00',
          'Fri 27.11 09:00–22:00',
          'Sat 28.11 09:00–22:00',
          'Sun 29.11 09:00–22:00',
        ],
      ],
      ['на следующей неделе', { first: 'Mon 30.11 09:00–22:00', last: 'Sun 06.12 09:00–22:00', count: 7 }],
      // A weekday said with a week is that weekday of the week, in either order.
      ['на следующей неделе во вторник', ['Tue 01.12 09:00–22:00']],
      ['во вторник на следующей неделе', ['Tue 01.12 09:00–22:00']],
      ['на этой неделе в пт или сб', ['Fri 27.11 09:00–22:00', 'Sat 28.11 09:00–22:00']],
      ['25-го', ['Wed 25.11 09:00–22:00']],
      ['25 числа', ['Wed 25.11 09:00–22:00']],
      ['28.11', ['Sat 28.11 09:00–22:00']],
      ['5 декабря', ['Sat 05.12 09:00–22:00']],
      ['3-го декабря', ['Thu 03.12 09:00–22:00']],
      ['1 дек', ['Tue 01.12 09:00–22:00']],
      ['с 1 по 3 декабря', ['Tue 01.12 09:00–22:00', 'Wed 02.12 09:00–22:00', 'Thu 03.12 09:00–22:00']],
      ['через неделю', ['Tue 01.12 09:00–22:00']],
      ['через 3 дня', ['Fri 27.11 09:00–22:00']],
      ['через пару дней', ['Thu 26.11 09:00–22:00']],
      ['в пт или сб', ['Fri 27.11 09:00–22:00', 'Sat 28.11 09:00–22:00']],
      ['в четверг или пятницу', ['Thu 26.11 09:00–22:00', 'Fri 27.11 09:00–22:00']],
      ['в пятницу или субботу', ['Fri 27.11 09:00–22:00', 'Sat 28.11 09:00–22:00']],
      ['в четверг', ['Thu 26.11 09:00–22:00']],
      ['пн-ср', ['Mon 30.11 09:00–22:00', 'Tue 01.12 09:00–22:00', 'Wed 02.12 09:00–22:00']],
      ['до пятницы', ['Tue 24.11 12:00–22:00', 'Wed 25.11 09:00–22:00', 'Thu 26.11 09:00–22:00', 'Fri 27.11 09:00–22:00']],
      ['с понедельника', { first: 'Mon 30.11 09:00–22:00', last: 'Thu 24.12 09:00–12:00', count: 25 }],
    ]);
  });

  describe('time of day without a day: every day of the horizon (now: Tue 24.11 12:00)', () => {
    table([
      ['вечером', { first: 'Tue 24.11 17:00–22:00', last: 'Wed 23.12 17:00–22:00', count: 30 }],
      ['любой день вечером', { first: 'Tue 24.11 17:00–22:00', last: 'Wed 23.12 17:00–22:00', count: 30 }],
      ['после работы', { first: 'Tue 24.11 17:00–22:00', last: 'Wed 23.12 17:00–22:00', count: 30 }],
      ['утром', { first: 'Wed 25.11 09:00–12:00', last: 'Thu 24.12 09:00–12:00', count: 30 }],
      ['днём', { first: 'Tue 24.11 12:00–17:00', last: 'Wed 23.12 12:00–17:00', count: 30 }],
      ['в обед', { first: 'Tue 24.11 12:00–17:00', last: 'Wed 23.12 12:00–17:00', count: 30 }],
      ['до обеда', { first: 'Tue 24.11 12:00–13:00', last: 'Thu 24.12 09:00–12:00', count: 31 }],
      ['после обеда', { first: 'Tue 24.11 13:00–22:00', last: 'Wed 23.12 13:00–22:00', count: 30 }],
      ['после 18:00', { first: 'Tue 24.11 18:00–22:00', last: 'Wed 23.12 18:00–22:00', count: 30 }],
      ['после 6', { first: 'Tue 24.11 18:00–22:00', last: 'Wed 23.12 18:00–22:00', count: 30 }],
      ['не раньше 15', { first: 'Tue 24.11 15:00–22:00', last: 'Wed 23.12 15:00–22:00', count: 30 }],
      ['до 12', { first: 'Wed 25.11 09:00–12:00', last: 'Thu 24.12 09:00–12:00', count: 30 }],
      ['не позже 16', { first: 'Tue 24.11 12:00–16:00', last: 'Thu 24.12 09:00–12:00', count: 31 }],
      ['с 12 до 15', { first: 'Tue 24.11 12:00–15:00', last: 'Wed 23.12 12:00–15:00', count: 30 }],
      ['с 12:30 до 15', { first: 'Tue 24.11 12:30–15:00', last: 'Wed 23.12 12:30–15:00', count: 30 }],
      ['между 14 и 16', { first: 'Tue 24.11 14:00–16:00', last: 'Wed 23.12 14:00–16:00', count: 30 }],
      ['12-15', { first: 'Tue 24.11 12:00–15:00', last: 'Wed 23.12 12:00–15:00', count: 30 }],
      ['в 15:30', { first: 'Tue 24.11 15:30–15:30', last: 'Wed 23.12 15:30–15:30', count: 30 }],
      ['в 3 часа дня', { first: 'Tue 24.11 15:00–15:00', last: 'Wed 23.12 15:00–15:00', count: 30 }],
      ['к 11', { first: 'Wed 25.11 11:00–11:00', last: 'Thu 24.12 11:00–11:00', count: 30 }],
      ['на 19.00', { first: 'Tue 24.11 19:00–19:00', last: 'Wed 23.12 19:00–19:00', count: 30 }],
      ['в 7 вечера', { first: 'Tue 24.11 19:00–19:00', last: 'Wed 23.12 19:00–19:00', count: 30 }],
      ['с двух до четырёх', { first: 'Tue 24.11 14:00–16:00', last: 'Wed 23.12 14:00–16:00', count: 30 }],
      ['с 8 до 10', { first: 'Wed 25.11 08:00–10:00', last: 'Thu 24.12 08:00–10:00', count: 30 }],
    ]);
  });

  describe('days × time of day (now: Tue 24.11 12:00)', () => {
    table([
      ['в пт после 6', ['Fri 27.11 18:00–22:00']],
      ['после 6 в пятницу', ['Fri 27.11 18:00–22:00']],
      ['сегодня вечером', ['Tue 24.11 17:00–22:00']],
      ['завтра утром или в субботу вечером', ['Wed 25.11 09:00–12:00', 'Sat 28.11 17:00–22:00']],
      ['вечером в пятницу или утром в субботу', ['Fri 27.11 17:00–22:00', 'Sat 28.11 09:00–12:00']],
      ['в субботу вечером или в воскресенье', ['Sat 28.11 17:00–22:00', 'Sun 29.11 09:00–22:00']],
      ['в пт или сб вечером', ['Fri 27.11 17:00–22:00', 'Sat 28.11 17:00–22:00']],
      ['в четверг или пятницу после 15', ['Thu 26.11 15:00–22:00', 'Fri 27.11 15:00–22:00']],
      ['завтра с 10 до 12 или с 15 до 17', ['Wed 25.11 10:00–12:00', 'Wed 25.11 15:00–17:00']],
      ['завтра в 10:30', ['Wed 25.11 10:30–10:30']],
      ['завтра утром в 8', ['Wed 25.11 08:00–08:00']],
      ['в субботу вечером в 8', ['Sat 28.11 20:00–20:00']],
      ['вечером в пятницу после 7', ['Fri 27.11 19:00–22:00']],
      ['в среду не раньше 12 и не позже 15', ['Wed 25.11 12:00–15:00']],
      ['завтра утром или днём', ['Wed 25.11 09:00–17:00']],
      ['по будням после 19', { first: 'Tue 24.11 19:00–22:00', last: 'Wed 23.12 19:00–22:00', count: 22 }],
      ['вс 10 утра', ['Sun 29.11 10:00–10:00']],
      ['завтра на 10', ['Wed 25.11 10:00–10:00']],
      ['на 28-е к 12', ['Sat 28.11 12:00–12:00']],
      ['можно 1 декабря в 16:00', ['Tue 01.12 16:00–16:00']],
      ['хочу 5.12 в 14.00', ['Sat 05.12 14:00–14:00']],
      ['пт вечер', ['Fri 27.11 17:00–22:00']],
      ['в субботу в первой половине дня', ['Sat 28.11 09:00–13:00']],
      ['давайте в среду или четверг, после работы, часов с 7', ['Wed 25.11 19:00–22:00', 'Thu 26.11 19:00–22:00']],
    ]);
  });

  describe('typos, slang and case of messenger Russian (now: Tue 24.11 12:00)', () => {
    table([
      ['завтро', ['Wed 25.11 09:00–22:00']],
      ['в пятнецу', ['Fri 27.11 09:00–22:00']],
      ['на суботу', ['Sat 28.11 09:00–22:00']],
      ['в воскресение', ['Sun 29.11 09:00–22:00']],
      ['завтра вечерком', ['Wed 25.11 17:00–22:00']],
      ['с утреца в субботу', ['Sat 28.11 09:00–12:00']],
      ['в пт после 6 плз', ['Fri 27.11 18:00–22:00']],
      ['ЗАВТРА ВЕЧЕРОМ', ['Wed 25.11 17:00–22:00']],
      ['в среду днём', ['Wed 25.11 12:00–17:00']],
      ['в четверг после шести', ['Thu 26.11 18:00–22:00']],
      ['на выхах', ['Sat 28.11 09:00–22:00', 'Sun 29.11 09:00–22:00']],
      ['добрый вечер! можно на завтра вечером?', ['Wed 25.11 17:00–22:00']],
      ['вчера не смогла, давайте завтра вечером', ['Wed 25.11 17:00–22:00']],
      // Weekdays typed with a letter missing or cut short
      ['в срду', ['Wed 25.11 09:00–22:00']],
      ['в сриду вечером', ['Wed 25.11 17:00–22:00']],
      ['в чтв', ['Thu 26.11 09:00–22:00']],
      ['в птн после 6', ['Fri 27.11 18:00–22:00']],
      ['в пнд', ['Mon 30.11 09:00–22:00']],
      ['в субб утром', ['Sat 28.11 09:00–12:00']],
      // «в районе 12» is about noon, like «около 12»
      ['завтра в районе 12', ['Wed 25.11 12:00–12:00']],
      ['завтра около 12', ['Wed 25.11 12:00–12:00']],
    ]);
  });

  describe('as soon as possible (now: Tue 24.11 12:00)', () => {
    for (const text of ['как можно скорее', 'поскорее', 'побыстрее', 'в ближайшее время', 'срочно']) {
      it(`'${text}' → asap, Tue 24.11 12:00 – Thu 24.12 12:00`, () => {
        const value = valueOf(text);
        expect(value.asap).to.equal(true);
        expect(value.windows.map(show)).to.deep.equal(['Tue 24.11 12:00 – Thu 24.12 12:00']);
      });
    }

    it("'сегодня-завтра' → asap, Tue 24.11 12:00–22:00, Wed 25.11 09:00–22:00", () => {
      const value = valueOf('сегодня-завтра');
      expect(value.asap).to.equal(true);
      expect(value.windows.map(show)).to.deep.equal(['Tue 24.11 12:00–22:00', 'Wed 25.11 09:00–22:00']);
    });

    it("'срочно, сегодня вечером' → asap, Tue 24.11 17:00–22:00", () => {
      const value = valueOf('срочно, сегодня вечером');
      expect(value.asap).to.equal(true);
      expect(value.windows.map(show)).to.deep.equal(['Tue 24.11 17:00–22:00']);
    });

    it('leaves asap out when the guest names a time', () => {
      expect(valueOf('завтра вечером')).to.not.have.property('asap');
    });
  });

  describe('at another now: Saturday 28.11 19:30', () => {
    table(
      [
        ['в выходные', ['Sat 28.11 19:30–22:00', 'Sun 29.11 09:00–22:00']],
        ['сегодня', ['Sat 28.11 19:30–22:00']],
        ['в субботу', ['Sat 05.12 09:00–22:00']],
        ['в эту субботу', ['Sat 28.11 19:30–22:00']],
        ['в следующие выходные', ['Sat 05.12 09:00–22:00', 'Sun 06.12 09:00–22:00']],
        ['на этой неделе', ['Sat 28.11 19:30–22:00', 'Sun 29.11 09:00–22:00']],
        ['вечером', { first: 'Sat 28.11 19:30–22:00', last: 'Mon 28.12 17:00–19:30', count: 31 }],
        ['в пн', ['Mon 30.11 09:00–22:00']],
      ],
      { now: SATURDAY_EVENING },
    );
  });

  describe('at another now: Sunday 29.11 23:30 (closed)', () => {
    table(
      [
        ['в выходные', ['Sat 05.12 09:00–22:00', 'Sun 06.12 09:00–22:00']],
        ['сегодня', []],
        ['завтра', ['Mon 30.11 09:00–22:00']],
        ['в эту субботу', ['Sat 05.12 09:00–22:00']],
      ],
      { now: SUNDAY_NIGHT },
    );
  });

  describe('time zone', () => {
    it('counts days in Moscow, not in the process time zone (01:00 MSK is still yesterday in UTC)', () => {
      expect(windowsOf('сегодня', { now: WEDNESDAY_1AM })).to.deep.equal(['Wed 25.11 09:00–22:00']);
      expect(windowsOf('завтра', { now: WEDNESDAY_1AM })).to.deep.equal(['Thu 26.11 09:00–22:00']);
      expect(windowsOf('в четверг', { now: WEDNESDAY_1AM })).to.deep.equal(['Thu 26.11 09:00–22:00']);
    });

    it('writes every window end as an ISO string with the +03:00 offset', () => {
      for (const w of valueOf('в выходные после 6').windows) {
        expect(w.from).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
        expect(w.to).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
      }
      expect(valueOf('в пт после 6').windows).to.deep.equal([
        { from: '2026-11-27T18:00:00+03:00', to: '2026-11-27T22:00:00+03:00' },
      ]);
    });
  });

  describe('words that are not a time', () => {
    const notTime = [
      'на 2 часа',
      'на 3 дня',
      'опоздаю на 10 минут',
      'за 2900',
      'гель-лак 2 900 ₽, снятие 500 руб',
      '8 999 123 45 67',
      '+7 (999) 123-45-67',
      '2 ногтя',
      'дизайн на 2 ногтя',
      'в 2 слоя',
      'маникюр в 4 руки',
      'я буду с 2 подругами',
      'дочке 12 лет',
      'заказ №12-15',
      'доброе утро',
      'добрый вечер',
      'хорошего дня',
      'что у вас на завтрак',
      'живу в районе 12 парковой',
      'ближайший филиал',
      'вчера была у вас',
      // Looking ahead, the time of a day gone by is no preference (not every evening to come).
      'вчера вечером',
      'в прошлую пятницу в 18:00',
    ];
    for (const text of notTime) {
      it(`'${text}' → nothing`, () => {
        expect(extractWhen(text, { now: TUESDAY_NOON })).to.deep.equal([]);
      });
    }
  });

  describe('offsets, text and source', () => {
    it('spans the temporal words of the original text', () => {
      const text = 'запишите плз на ноготочки в пт после 6 🙏';
      const entity = entityOf(text)!;
      expect(entity).to.include({ entity: 'when', extractor: 'datetime', text: 'в пт после 6', confidence: 1 });
      expect(entity.start).to.equal(text.indexOf('в пт'));
      expect(entity.end).to.equal(text.indexOf(' 🙏'));
      expect((entity.value as WhenValue).source).to.equal('в пт после 6');
    });

    it('keeps the original spelling and case in text and source', () => {
      const entity = entityOf('ЗАВТРО вечерком')!;
      expect(entity).to.include({ start: 0, end: 15, text: 'ЗАВТРО вечерком' });
      expect((entity.value as WhenValue).source).to.equal('ЗАВТРО вечерком');
    });

    it('covers the words between the first and the last temporal word, the source only the temporal ones', () => {
      const entity = entityOf('завтра на маникюр вечером')!;
      expect(entity.text).to.equal('завтра на маникюр вечером');
      expect((entity.value as WhenValue).source).to.equal('завтра вечером');
    });

    it('keeps offsets valid after emoji, ё and control characters', () => {
      const emoji = '💅💅 в пт';
      expect(entityOf(emoji)).to.include({ start: 5, end: 9, text: 'в пт' });
      const yo = 'Ёлки, ещё завтра днём';
      expect(entityOf(yo)).to.include({ start: yo.indexOf('завтра'), end: yo.length, text: 'завтра днём' });
      const control = 'завтра\u0000вечером';
      expect(entityOf(control)).to.include({ start: 0, end: control.length, text: control });
      expect(windowsOf(control)).to.deep.equal(['Wed 25.11 17:00–22:00']);
    });

    it('trusts a one-letter typo less', () => {
      const entity = entityOf('в пятницй')!;
      expect(entity.confidence).to.be.below(1);
      expect(windowsOf('в пятницй')).to.deep.equal(['Fri 27.11 09:00–22:00']);
    });
  });

  describe('clipping and merging', () => {
    it('drops what lies beyond the horizon but still reports the words (25.12 is day 31)', () => {
      const value = valueOf('25.12');
      expect(value.windows).to.deep.equal([]);
      expect(value.source).to.equal('25.12');
    });

    it('drops a part of today that is over (now 12:00: "сегодня утром" has no window)', () => {
      expect(windowsOf('сегодня утром')).to.deep.equal([]);
      expect(windowsOf('сегодня в 10')).to.deep.equal([]);
    });

    it('ends at the horizon given in the options (horizonDays: 3 ends Fri 27.11 12:00)', () => {
      expect(windowsOf('вечером', { horizonDays: 3 })).to.deep.equal([
        'Tue 24.11 17:00–22:00',
        'Wed 25.11 17:00–22:00',
        'Thu 26.11 17:00–22:00',
      ]);
    });

    it('uses the chain hours given in the options', () => {
      const hours = { dayStart: '10:00', dayEnd: '21:00' };
      expect(windowsOf('завтра', hours)).to.deep.equal(['Wed 25.11 10:00–21:00']);
      expect(windowsOf('завтра утром', hours)).to.deep.equal(['Wed 25.11 10:00–12:00']);
      expect(windowsOf('завтра вечером', hours)).to.deep.equal(['Wed 25.11 17:00–21:00']);
    });

    it('merges touching windows ("утром или днём" is 09:00–17:00)', () => {
      expect(windowsOf('завтра утром или днём')).to.deep.equal(['Wed 25.11 09:00–17:00']);
    });

    it('returns the entity with no windows when nothing is feasible ("после 23")', () => {
      expect(valueOf('после 23').windows).to.deep.equal([]);
    });
  });

  describe('bad input', () => {
    const now = TUESDAY_NOON;
    const cases: Array<[string, string]> = [
      ['empty text', ''],
      ['spaces only', '   \n\t '],
      ['emoji only', '💅✨🌸🤍'],
      ['Latin only', 'hello, can I book a manicure?'],
      ['control characters', '\u0000\u0001\u0007\u001b\u007f'],
      ['a lone surrogate', '\uD83D'],
      ['10,000 characters of chat', 'привет хочу на ноготочки к мастеру '.repeat(300).slice(0, 10_000)],
    ];
    for (const [name, text] of cases) {
      it(`returns [] for ${name}`, () => {
        expect(extractWhen(text, { now })).to.deep.equal([]);
      });
    }

    it('returns [] instead of throwing for a non-string text or an invalid now', () => {
      expect(extractWhen(undefined as unknown as string, { now })).to.deep.equal([]);
      expect(extractWhen('завтра', { now: new Date('nope') })).to.deep.equal([]);
      expect(extractWhen('завтра', undefined as unknown as WhenOptions)).to.deep.equal([]);
    });

    it('reads 10,000 characters in a few milliseconds', () => {
      const long = 'в пт после 6 или в сб утром, 12-15, с 2 до 4, 25.12 💅 '.repeat(200).slice(0, 10_000);
      extractWhen(long, { now });
      const started = process.hrtime.bigint();
      const runs = 20;
      for (let i = 0; i < runs; i++) extractWhen(long, { now });
      const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
      // The target is < 5 ms; the bound leaves room for a loaded CI machine.
      expect(ms).to.be.below(25);
    });
  });
});

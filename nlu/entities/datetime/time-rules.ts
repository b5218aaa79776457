/**
 * Clock expressions: ranges ("с 12 до 15", "между 14 и 16", "12-15"), open intervals ("после 6",
 * "не раньше 15", "до 12", "не позже 16") and exact times ("в 15:30", "в 3 часа дня", "к 11",
 * "на 19.00", "в 7 вечера"). chrono's Russian time parsers are not used: they read "на 2 часа"
 * as "in two hours" and "в 18 часов" as "in 18 hours", and know neither "после 6" nor "к 11".
 */

import { isBareNumber, parseClock } from './clock';
import { Candidate, ClockItem, PRIORITY } from './items';
import { L, R, scan, trimmedSpan } from './scan';

/** The clock part of a rule: "18:00", "6", "3 часа дня", "7 вечера", "час", "полдень". */
const T =
  `(?:\\d{1,2}(?![0-9])(?:[:.]\\d{2}(?![0-9]))?(?:\\s*(?:ч|час|часа|часов|часиков)${R})?` +
  `(?:\\s*(?:утра|дня|вечера|ночи)${R})?` +
  `|(?:час|часу|часа|полдень|полудня|полудню)${R}(?:\\s*(?:дня|ночи)${R})?)`;

/** What may follow a number that is not an hour: "в 2 слоя", "до 3 раз", "12-15 мин". */
const NOT_NOUN =
  `(?!\\s*(?:ногт|пальц|пальч|рук|ног|чел|раз|сло|штук|шт${R}|мин|руб|тыс|лет|год|месяц|недел|дн|ден|` +
  `числ|процент|мм${R}|см${R}|кг${R}|этаж|корп|дом|кв${R}|стр|ресниц|пряд|гр${R}|мл${R}|-|[.:/]\\d|%|₽))`;

/**
 * Words a bare number after "в", "с", "от" or "на" may be followed by for it to be an hour:
 * "с 2 подругами" and "в 3 этапа" are not times, "в 6 можно?" and "с 10 плз" are.
 */
const HOUR_FOLLOWERS = new RegExp(
  `^\\s*(?:$|[^\\sа-яa-z0-9]|(?:или|либо|и|а|но|можно|мож|плз|плиз|пж|пожалуйста|если|в|во|на|к|ко|по|до|с|со|у|` +
    `завтра|сегодня|послезавтра|утром|днем|вечером|понедельник|вторник|среду|четверг|пятницу|субботу|` +
    `воскресенье|пн|вт|ср|чт|пт|сб|будет|бы|ли|же|тоже|тогда|лучше|удобно|удобнее|нужно|надо|хочу|хотела|хотел|` +
    `есть|свободно|свободн[а-я]*|окошк[а-я]*|окно|место|запиш[а-я]*|записать|записаться|приду|прийти|подойд[а-я]*|` +
    `подойти|могу|смогу|сможете|получится|успею|норм|ок|давайте|давай|устроит|подходит|ну|еще|уже|часов|часа|` +
    `посмотр[а-я]*|глян[а-я]*|подбер[а-я]*|было|хорошо|отлично|идеально|мне|нам|` +
    `или|please|pls|plz)${R})`,
);

type Build = (m: RegExpExecArray) => Omit<ClockItem, 'start' | 'end'> | null;

interface TimeRule {
  re: RegExp;
  build: Build;
}

function followedByHourWord(m: RegExpExecArray): boolean {
  const rest = m.input.slice(m.index + m[0].length, m.index + m[0].length + 40);
  return HOUR_FOLLOWERS.test(rest);
}

function range(fromRaw: string, toRaw: string): Omit<ClockItem, 'start' | 'end'> | null {
  const from = parseClock(fromRaw);
  const to = parseClock(toRaw);
  return from && to ? { kind: 'clock', from, to } : null;
}

const RULES: readonly TimeRule[] = [
  // "с 12 до 15", "с 12:30 до 15", "от 10 до 12", "после 12 до 15", "с 12-15"
  {
    re: new RegExp(`${L}(?:с|со|от|после|начиная\\s+с|начиная\\s+со)\\s*(${T})\\s*(?:до|по|-)\\s*(${T})${NOT_NOUN}`),
    build: (m) => range(m[1], m[2]),
  },
  // "между 14 и 16"
  {
    re: new RegExp(`${L}между\\s+(${T})\\s+и\\s+(${T})${NOT_NOUN}`),
    build: (m) => range(m[1], m[2]),
  },
  // "12-15", "10:00-12:30": not inside a phone number, a date or a reference ("8-999-12-15", "№12-15")
  {
    re: new RegExp(
      `(?<![\\d.:/№#-]\\s*)${L}(\\d{1,2}(?:[:.]\\d{2})?)\\s*-\\s*(\\d{1,2}(?:[:.]\\d{2})?)(?![\\d.:/-])` +
        `(?:\\s*(?:ч|час|часа|часов)${R})?${NOT_NOUN}`,
    ),
    build: (m) => range(m[1], m[2]),
  },
  // "после 18:00", "не раньше 15", "с 10", "от 11", "начиная с 12"
  {
    re: new RegExp(
      `${L}(после|позже|не\\s+раньше|не\\s+ранее|начиная\\s+с|начиная\\s+со|с|со|от)\\s*(${T})${NOT_NOUN}`,
    ),
    build: (m) => {
      if (/^(?:с|со|от)$/.test(m[1]) && isBareNumber(m[2]) && !followedByHourWord(m)) return null;
      const from = parseClock(m[2]);
      return from ? { kind: 'clock', from, to: null } : null;
    },
  },
  // "до 12", "не позже 16", "не позднее 17:30"
  {
    re: new RegExp(`${L}(?:до|не\\s+позже|не\\s+позднее|раньше)\\s*(${T})${NOT_NOUN}`),
    build: (m) => {
      const to = parseClock(m[1]);
      return to ? { kind: 'clock', from: null, to } : null;
    },
  },
  // "в 15:30", "в 3 часа дня", "к 11", "на 19.00", "в 7 вечера", "часов в 6", "около 5", "в районе 12"
  {
    re: new RegExp(
      `${L}(?:(?:часов|часа|часиков|часикам|часам)\\s+)?(?:(?:где-то|где\\s+то|примерно|приблизительно|ориентировочно)\\s+)?` +
        `(в\\s+районе|в|во|к|на|около|ровно\\s+в)\\s*(${T})${NOT_NOUN}`,
    ),
    build: (m) => {
      const prep = m[1];
      const clockText = m[2];
      // "на 2 часа" and "на 3 дня" are how long, not when: after "на" a number with "час" needs
      // minutes or a part of the day ("на 2 часа дня"); a bare "на 10" is a time when nothing is
      // counted after it.
      if (prep === 'на') {
        if (/час/.test(clockText) && !/[:.]\d\d|утра|вечера|ночи|час[а-я]*\s+дня/.test(clockText)) return null;
        if (/^\d{1,2}\s*дня$/.test(clockText.trim())) return null;
      }
      if (/^(?:в|во|на|в\s+районе)$/.test(prep) && isBareNumber(clockText) && !followedByHourWord(m)) return null;
      const clock = parseClock(clockText);
      return clock ? { kind: 'clock', from: clock, to: clock, exact: true } : null;
    },
  },
  // "10 утра", "7 вечера", "3 часа дня" without a preposition ("вс 10 утра"); a bare "3 дня" is days.
  {
    re: new RegExp(
      `${L}(\\d{1,2}(?:[:.]\\d{2})?(?:\\s*(?:ч|час|часа|часов)${R})?\\s*(?:утра|вечера|ночи)|\\d{1,2}\\s*(?:час|часа|часов)\\s+дня)${R}`,
    ),
    build: (m) => {
      const clock = parseClock(m[1]);
      return clock ? { kind: 'clock', from: clock, to: clock, exact: true } : null;
    },
  },
  // A bare "15:30" is a time wherever it stands.
  {
    re: new RegExp(`${L}(\\d{1,2}:\\d{2})(?![0-9])`),
    build: (m) => {
      const clock = parseClock(m[1]);
      return clock ? { kind: 'clock', from: clock, to: clock, exact: true } : null;
    },
  },
];

/** Finds clock expressions in the canonical text. */
export function findClockTimes(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    for (const m of scan(rule.re, text)) {
      const item = rule.build(m);
      if (item) out.push({ item: { ...item, ...trimmedSpan(m) } as ClockItem, priority: PRIORITY.time });
    }
  }
  return out;
}

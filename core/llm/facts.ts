/**
 * The facts in a text that a guest could act on and that an LLM could get wrong: numbers (prices,
 * durations, percentages, house numbers, written as digits or as words), times, dates, months,
 * weekdays, names (capitalised words, «quoted» names, Latin brands), beauty services the salon may not
 * offer, links and e-mail addresses. The fact guards compare these between an LLM answer and its
 * sources. Pure and linear in the text.
 */
import { stemRu } from '../../nlu';

export type FactKind = 'number' | 'time' | 'date' | 'month' | 'weekday' | 'name' | 'service' | 'url' | 'email';

/** One fact: its kind, a canonical value to compare, and the text it was read from. */
export interface Fact {
  kind: FactKind;
  /** Canonical: "2900", "18:00", "25.12", "12" (a month), "fri", a stem ("ольг"), a link. */
  value: string;
  /** As written, e.g. "2 900 ₽", "пятницам", "Ольге". */
  raw: string;
}

const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const MONTH_WORD = /^(?:январ[ьяею]|феврал[ьяею]|март[аеу]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|август[аеу]?|сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею])$/u;

const WEEKDAYS: ReadonlyArray<readonly [string, RegExp]> = [
  ['mon', /^(?:понедельник\p{L}*|пн)$/u],
  ['tue', /^(?:вторник\p{L}*|вт)$/u],
  ['wed', /^(?:сред(?:а|у|ы|е|ам|ами)|ср)$/u],
  ['thu', /^(?:четверг\p{L}*|чт)$/u],
  ['fri', /^(?:пятниц\p{L}*|пт)$/u],
  ['sat', /^(?:суббот\p{L}*|сб)$/u],
  ['sun', /^(?:воскресень\p{L}*|воскресен\p{L}*|вс)$/u],
];

/** Number words and their values; "один" is left out — "одна из услуг" is not a fact. */
const NUMBER_WORDS: ReadonlyArray<readonly [RegExp, number]> = ([
  ['ноль|нуля', 0], ['два|две|двух|двум|двумя', 2], ['три|трех|трем|тремя', 3], ['четыре|четырех|четырем', 4],
  ['пять|пяти|пятью', 5], ['шесть|шести', 6], ['семь|семи', 7], ['восемь|восьми', 8], ['девять|девяти', 9], ['десять|десяти', 10],
  ['одиннадцат[ьи]', 11], ['двенадцат[ьи]', 12], ['тринадцат[ьи]', 13], ['четырнадцат[ьи]', 14], ['пятнадцат[ьи]', 15],
  ['шестнадцат[ьи]', 16], ['семнадцат[ьи]', 17], ['восемнадцат[ьи]', 18], ['девятнадцат[ьи]', 19],
  ['двадцат[ьи]', 20], ['тридцат[ьи]', 30], ['сорок|сорока', 40], ['пятьдесят|пятидесяти', 50], ['шестьдесят|шестидесяти', 60],
  ['семьдесят|семидесяти', 70], ['восемьдесят|восьмидесяти', 80], ['девяносто|девяноста', 90], ['сто|ста', 100], ['двести|двухсот', 200],
  ['триста|трехсот', 300], ['четыреста|четырехсот', 400], ['пятьсот|пятисот', 500], ['шестьсот|шестисот', 600], ['семьсот|семисот', 700],
  ['восемьсот|восьмисот', 800], ['девятьсот|девятисот', 900],
  // Ordinals, in full forms only ("пятой", not "пятница").
  ['втор(?:ой|ая|ое|ого|ому|ую|ом)', 2], ['трет(?:ий|ья|ье|ьего|ьему|ью|ьем|ьей)', 3], ['четверт(?:ый|ая|ое|ого|ому|ую|ом|ой)', 4],
  ['пят(?:ый|ая|ое|ого|ому|ую|ом|ой)', 5], ['шест(?:ой|ая|ое|ого|ому|ую|ом)', 6], ['седьм(?:ой|ая|ое|ого|ому|ую|ом)', 7],
  ['восьм(?:ой|ая|ое|ого|ому|ую|ом)', 8], ['девят(?:ый|ая|ое|ого|ому|ую|ом|ой)', 9], ['десят(?:ый|ая|ое|ого|ому|ую|ом|ой)', 10],
  ['полтора|полторы|полутора', 1.5],
] as const).map(([forms, value]) => [new RegExp(`^(?:${forms})$`, 'u'), value] as const);
const THOUSAND = /^тысяч\p{L}*$/u;

/**
 * Beauty services a salon may or may not offer, by word form: named in an answer, each must be in its
 * sources or the catalog. The value of a fact is the label (the first form).
 */
export const SERVICE_WORDS: ReadonlyArray<readonly [label: string, pattern: RegExp]> = ([
  ['массаж', '^массаж'], ['эпиляция', '^эпиляц'], ['депиляция', '^депиляц'], ['шугаринг', '^шугаринг'], ['пилинг', '^пилинг'],
  ['чистка', '^чистк[аиуе]$'], ['кератин', '^кератин'], ['татуаж', '^татуаж'], ['перманент', '^перманентн'], ['микроблейдинг', '^микроблейдинг'],
  ['визаж', '^визаж'], ['макияж', '^макияж'], ['спа', '^спа$'], ['обертывание', '^обертыван'], ['солярий', '^солярий'], ['загар', '^загар'],
  ['косметолог', '^косметолог'], ['тату', '^тату(?:ировк\\p{L}*)?$'], ['пирсинг', '^пирсинг'], ['ботокс', '^ботокс'], ['мезотерапия', '^мезотерап'],
  ['биозавивка', '^биозавивк'], ['плетение', '^плетени'], ['стрижка', '^стрижк'], ['окрашивание', '^окрашиван'], ['укладка', '^укладк'],
  ['ламинирование', '^ламинирован'], ['наращивание', '^наращиван'], ['педикюр', '^педикюр'], ['маникюр', '^маникюр'], ['коррекция', '^коррекц'],
  ['дизайн', '^дизайн'], ['снятие', '^сняти[еяю]'], ['покрытие', '^покрыти[еяюи]'],
] as const).map(([label, pattern]) => [label, new RegExp(pattern, 'u')] as const);

/** The service label of a lowercase word, or undefined. */
export function serviceOf(word: string): string | undefined {
  return SERVICE_WORDS.find(([, pattern]) => pattern.test(word))?.[0];
}

/** Pronouns people capitalise out of politeness ("Ждём Вас"): never names. */
const POLITE = /^(?:вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|вашим|вашу|ваших|вашими)$/u;

// Abbreviations after which a period does not end a sentence ("ул. Тверская").
const ABBREVIATIONS = new Set(['ул', 'стр', 'д', 'пер', 'наб', 'пр', 'просп', 'бул', 'пл', 'ш', 'м', 'г', 'мин', 'руб', 'тел', 'им', 'корп', 'эт', 'т', 'е', 'к', 'см']);

const SPACES = /[\u00A0\u202F\u2009\u2007]/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s«»"')]+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,120}\.\p{L}{2,24}/giu;
const DAY_MONTH = /(?<!\d)(\d{1,2})(?:-?(?:го|е|ое))?\s+(январ[ьяею]|феврал[ьяею]|март[аеу]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|август[аеу]?|сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею])(?!\p{L})/giu;
const TIME = /(?<![\d.:])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])/g;
const DOTTED_DATE = /(?<![\d.:])(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?(?!\d)(?!\.\d)/g;
const NUMBER = /(?<![\d])\d{1,3}(?: \d{3})+(?![\d])|\d+(?:[.,]\d+)?/g;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

/**
 * The facts of a text, in order of kind (links, e-mails, dates, times, numbers, words).
 *
 * @example
 * extractFacts('Маникюр с покрытием — 2 900 ₽, к Ольге в пятницу после 18:00').map((f) => `${f.kind}:${f.value}`)
 * // ['time:18:00', 'number:2900', 'service:маникюр', 'service:покрытие', 'name:ольг', 'weekday:fri']
 */
export function extractFacts(text: string): Fact[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const facts: Fact[] = [];
  // Spans already read are blanked out so that "18:00" is not read again as 18 and 0.
  let rest = text.replace(SPACES, ' ');
  const take = (pattern: RegExp, read: (match: RegExpExecArray) => Fact[]) => {
    rest = rest.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      facts.push(...read(match));
      return ' '.repeat(String(args[0]).length);
    });
  };

  take(URL, (m) => [{ kind: 'url', value: m[0].toLowerCase().replace(/[.,;:!?]+$/, ''), raw: m[0] }]);
  take(EMAIL, (m) => [{ kind: 'email', value: m[0].toLowerCase(), raw: m[0] }]);
  take(DAY_MONTH, (m) => {
    const month = monthOf(m[2].toLowerCase());
    return [{ kind: 'date', value: `${Number(m[1])}.${month}`, raw: m[0] }];
  });
  take(TIME, (m) => [{ kind: 'time', value: `${String(Number(m[1])).padStart(2, '0')}:${m[2]}`, raw: m[0] }]);
  take(DOTTED_DATE, (m) => {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return [{ kind: 'number', value: canonicalNumber(m[0]), raw: m[0] }];
    return [{ kind: 'date', value: `${day}.${month}${m[3] ? `.${m[3].length === 2 ? `20${m[3]}` : m[3]}` : ''}`, raw: m[0] }];
  });
  take(NUMBER, (m) => [{ kind: 'number', value: canonicalNumber(m[0]), raw: m[0] }]);
  facts.push(...wordFacts(text.replace(SPACES, ' ')));
  return facts;
}

/** "2 900" → "2900", "1,5" → "1.5", "09" → "9". */
export function canonicalNumber(raw: string): string {
  const value = Number(raw.replace(/ /g, '').replace(',', '.'));
  return Number.isFinite(value) ? String(value) : raw;
}

/** Month words, weekdays, number words, names and services: the facts read word by word. */
function wordFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  let numberRun: { total: number; current: number; raw: string[] } | undefined;
  const flush = () => {
    if (numberRun) facts.push({ kind: 'number', value: String(numberRun.total + numberRun.current), raw: numberRun.raw.join(' ') });
    numberRun = undefined;
  };

  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const word = raw.toLowerCase().replace(/ё/g, 'е');
    const index = match.index ?? 0;

    const numberWord = NUMBER_WORDS.find(([pattern]) => pattern.test(word));
    if (numberWord || (numberRun && THOUSAND.test(word))) {
      numberRun ??= { total: 0, current: 0, raw: [] };
      numberRun.raw.push(raw);
      if (numberWord) numberRun.current += numberWord[1];
      else {
        numberRun.total += (numberRun.current || 1) * 1000;
        numberRun.current = 0;
      }
      continue;
    }
    if (THOUSAND.test(word)) {
      facts.push({ kind: 'number', value: '1000', raw });
      continue;
    }
    flush();

    if (MONTH_WORD.test(word)) facts.push({ kind: 'month', value: String(monthOf(word)), raw });
    const weekday = WEEKDAYS.find(([, pattern]) => pattern.test(word));
    if (weekday) facts.push({ kind: 'weekday', value: weekday[0], raw });
    if (isName(raw, text, index)) facts.push({ kind: 'name', value: stemOf(word), raw });
    const service = serviceOf(word);
    if (service) facts.push({ kind: 'service', value: service, raw });
  }
  flush();

  for (const quoted of text.matchAll(/«([^«»]{1,80})»/gu)) {
    facts.push({ kind: 'name', value: quotedValue(quoted[1]), raw: quoted[0] });
  }
  return facts;
}

/** The stems of a quoted name, joined: «Патриаршие» → "патриарш". */
export function quotedValue(inner: string): string {
  return (inner.toLowerCase().replace(/ё/g, 'е').match(WORD) ?? []).map(stemOf).join(' ');
}

/** The comparable form of a word: its Russian stem (a Latin word stays as it is). */
export function stemOf(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  return /[а-я]/.test(lower) ? stemRu(lower) : lower;
}

/**
 * A name: a capitalised word that does not start a sentence, any word in capitals of two letters or
 * more ("СБП"), or a Latin word with a capital ("Luxio"). A capital at the start of a sentence says
 * nothing, so such a word counts only when it is Latin or in capitals.
 */
function isName(raw: string, text: string, index: number): boolean {
  const first = raw[0];
  if (first === first.toLowerCase() || POLITE.test(raw.toLowerCase())) return false;
  const letters = raw.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return true;
  if (/^[A-Z]/.test(raw)) return true;
  return !startsSentence(text, index);
}

function startsSentence(text: string, index: number): boolean {
  let i = index - 1;
  // Skip spaces, opening quotes and brackets, dashes and bullets before the word. A line break or an
  // emoji ("Это Madam COCO 🌸 Чем можем помочь?") ends a sentence in a messenger.
  while (i >= 0 && /[\s«"„“(\[—–•*\-]|\p{Extended_Pictographic}|\uFE0F|[\uD800-\uDFFF]/u.test(text[i])) {
    if (text[i] === '\n' || /[\uD800-\uDFFF]|\p{Extended_Pictographic}/u.test(text[i])) return true;
    i--;
  }
  if (i < 0) return true;
  if (!/[.!?…:]/.test(text[i])) return false;
  if (text[i] === ':') return false;
  if (text[i] !== '.') return true;
  // "ул. Тверская": a period after an abbreviation does not end the sentence.
  const before = /(\p{L}+)$/u.exec(text.slice(Math.max(0, i - 12), i));
  return !(before && ABBREVIATIONS.has(before[1].toLowerCase()));
}

function monthOf(word: string): number {
  const lower = word.toLowerCase();
  // "ма" (май) is a prefix of no other month word that MONTH_WORD or DAY_MONTH accept.
  const index = MONTHS.findIndex((stem) => lower.startsWith(stem) && (stem !== 'ма' || /^ма[йяею]$/.test(lower)));
  return index + 1;
}

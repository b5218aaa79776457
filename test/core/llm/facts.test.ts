import { expect } from 'chai';
import { buildGrounding, catalogFactTexts, cleanModelText, countSentences, extractFacts, unsupportedFacts, voiceProblems } from '../../../core/llm';
import { shippedCatalog } from '../../support/content';
import { shippedBrand } from './fixtures';

const catalog = shippedCatalog();

/** "kind:value" of every fact. */
const facts = (text: string) => extractFacts(text).map((f) => `${f.kind}:${f.value}`);

describe('extractFacts', () => {
  const cases: Array<[string, string[]]> = [
    ['Маникюр — 2 900 ₽, 90 мин.', ['number:2900', 'number:90', 'service:маникюр']],
    ['от 2\u202F500\u00A0₽', ['number:2500']],
    ['ежедневно 10:00–22:00', ['time:10:00', 'time:22:00']],
    ['в 9:30 или 18.00', ['time:09:30', 'number:18']],
    ['ждём 25 декабря или 25.12.2026', ['date:25.12', 'date:25.12.2026', 'month:12']],
    ['каждый 6-й маникюр на 20 % дешевле', ['number:6', 'number:20', 'service:маникюр']],
    ['две тысячи пятьсот рублей', ['number:2500']],
    ['каждый шестой визит, в пятницу', ['number:6', 'weekday:fri']],
    ['одна из услуг', []],
    ['пн–сб и по воскресеньям', ['weekday:mon', 'weekday:sat', 'weekday:sun']],
    ['к Ольге на Патриках', ['name:ольг', 'name:патрик']],
    ['Ольга ждёт вас', []],
    ['«Патриаршие» — Малая Бронная ул., 20', ['number:20', 'name:мал', 'name:брон', 'name:патриарш']],
    ['ул. Тверская, 12, стр. 1', ['number:12', 'number:1', 'name:тверск']],
    ['гель-лаки Luxio и Kodi, оплата по СБП', ['name:luxio', 'name:kodi', 'name:сбп']],
    ['Это Madam COCO 🌸 Чем можем помочь?', ['name:madam', 'name:coco']],
    ['сделаем массаж и пилинг', ['service:массаж', 'service:пилинг']],
    ['Спасибо за вопрос! Ждём Вас', []],
    ['пишите на info@coco.ru или www.coco.ru', ['url:www.coco.ru', 'email:info@coco.ru']],
    ['', []],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as ${expected.join(', ') || 'no facts'}`, () => {
      expect(facts(text)).to.have.members(expected);
    });
  }
});

describe('unsupportedFacts', () => {
  const entry = 'Маникюр с покрытием гель-лак — 2\u202F900\u00A0₽, 90 мин. У топ-мастеров на 30 % дороже 💅';
  const grounding = buildGrounding([entry], { catalog, related: { services: ['manicure_gel'], branches: ['city'] }, knownWords: ['Madam COCO'] });
  const unsupported = (text: string) => unsupportedFacts(text, grounding).map((f) => f.raw);

  const cases: Array<[string, string[]]> = [
    ['Маникюр с покрытием стоит 2 900 ₽', []],
    ['Маникюр с покрытием стоит 2 500 ₽', ['2 500']],
    ['Маникюр с покрытием — две тысячи пятьсот рублей', ['две тысячи пятьсот']],
    ['Это полтора часа, 90 минут', ['полтора']],
    ['У топ-мастеров дороже на 30 %', []],
    ['Гарантия 7 дней', []],
    ['Гарантия 14 дней', ['14']],
    ['В «Сити» по адресу Пресненская наб., 8, с 09:00 до 21:00', []],
    ['В «Сити» с 08:00', ['08:00']],
    ['Запишем к Дарье Ким', []],
    ['Запишем к Виктории', ['Виктории']],
    ['В салоне «Арбат» тоже', ['«Арбат»', 'Арбат']],
    ['Заодно сделаем массаж', ['массаж']],
    ['Ждём вас в субботу', []],
    ['Ждём вас в среду', ['среду']],
    ['Подробнее на https://example.com', ['https://example.com']],
    ['Madam COCO ждёт вас 🌸', []],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${expected.length === 0 ? 'nothing unsupported' : expected.join(', ')} in ${JSON.stringify(text)}`, () => {
      expect(unsupported(text)).to.have.members(expected);
    });
  }

  it('knows catalog facts only of the related entities', () => {
    expect(catalogFactTexts(catalog, { services: ['manicure_gel'] }).join(' ')).to.match(/2\s900\s₽/u).and.not.match(/4\s500/u);
    expect(unsupported('Наращивание — 4 500 ₽')).to.deep.equal(['4 500']);
  });
});

describe('voiceProblems', () => {
  const brand = shippedBrand();

  it('accepts a short warm answer with one brand emoji', () => {
    expect(voiceProblems('Да, работаем ежедневно 🌸 Ждём вас!', brand)).to.deep.equal([]);
  });

  it('names every problem', () => {
    expect(voiceProblems('Я тебе скажу. Раз. Два. Три 🔥💅', brand)).to.deep.equal([
      '2 emoji (at most 1)', 'emoji 🔥 is not the brand\'s', 'speaks as «я»', 'calls the guest «тебе»', '4 sentences (at most 3)',
    ]);
  });

  it('allows no emoji in an apology', () => {
    expect(voiceProblems('Простите, так вышло 🌸', brand)).to.deep.equal(['1 emoji (at most 0)']);
  });

  it('wants Russian', () => {
    expect(voiceProblems('We are open daily from 10 to 22.', brand)).to.deep.equal(['not in Russian']);
  });

  it('does not count abbreviations as sentence ends', () => {
    expect(countSentences('«Тверская»: ул. Тверская, 12, стр. 1. Метро Пушкинская (3 мин. пешком).')).to.equal(2);
  });
});

describe('cleanModelText', () => {
  it('removes quotes around the answer, a label and markdown', () => {
    expect(cleanModelText('"**Да**, работаем ежедневно."')).to.equal('Да, работаем ежедневно.');
    expect(cleanModelText('Ответ: `Да`')).to.equal('Да');
    expect(cleanModelText('«Сити» — подземный паркинг.')).to.equal('«Сити» — подземный паркинг.');
  });
});

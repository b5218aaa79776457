import { expect } from 'chai';
import { MAX_CLASSIFIER_CHARS, normaliseForClassifier } from '../../../nlu/normalise';

/** Words a trained model would have seen; steers layout, transliteration and repeat decisions. */
const VOCABULARY: ReadonlySet<string> = new Set([
  'запишите', 'записаться', 'маникюр', 'педикюр', 'привет', 'спасибо', 'на', 'в', 'пятницу', 'после',
  'хочу', 'супер', 'ванна', 'ок', 'нет', 'да',
]);

describe('normaliseForClassifier', () => {
  const table: Array<[string, string, string, ReadonlySet<string>?]> = [
    // [what, input, expected, vocabulary]
    ['lowercases and folds ё', 'ЗАПИШИТЕ на Ёлку', 'запишите на елку'],
    ['removes punctuation', 'Привет!!! Можно, на завтра?..', 'привет можно на завтра'],
    ['keeps a time with a colon as one token', 'после 18:00, пожалуйста', 'после 18:00 пожалуйста'],
    ['drops a colon that is not inside a time', 'время: 18 : 00', 'время 18 00'],
    ['keeps digits', 'в 25 числе', 'в 25 числе'],
    ['turns 👍 and 👌 into "ок"', 'подходит👍 👌', 'подходит ок ок'],
    ['turns 🙏 into "спасибо"', '🙏🙏', 'спасибо спасибо'],
    ['turns angry and crying emoji into "негатив"', 'опять скол😡🤬😢😭', 'опять скол негатив негатив негатив негатив'],
    ['turns 💅 into "маникюр" and 👋 into "привет"', '👋 хочу 💅', 'привет хочу маникюр'],
    ['drops other emoji, skin tones included', 'ок 🌸✨🤍 👍🏽', 'ок ок'],
    ['collapses three or more repeated letters', 'приииивет оооочень', 'привет очень'],
    ['collapses a doubled final vowel where no word ends so', 'спасибоо даа нуу', 'спасибо да ну'],
    ['keeps doubled endings Russian words have', 'синее синяя синюю марии класс', 'синее синяя синюю марии класс'],
    ['keeps two letters when only that form is known', 'ваннна', 'ванна', VOCABULARY],
    ['converts the wrong keyboard layout', 'ghbdtn', 'привет'],
    ['converts a whole wrong-layout sentence, short words included', 'pfgbibnt yf vfybr.h d gznybwe', 'запишите на маникюр в пятницу'],
    ['reads , . ; \' [ ] keys as б ю ж э х ъ', 'cgfcb,j [jxe gjlcrf;bnt \'nj', 'спасибо хочу подскажите это'],
    ['corrects a typo on top of the wrong layout with the vocabulary', 'vfybrbh', 'маникюр', VOCABULARY],
    ['treats a quoted wrong-layout word without its quotes', '"ghbdtn", rfr ltkf', 'привет как дела'],
    ['transliterates Latin Russian', "privet zapishite spasibo zapisat'sya", 'привет запишите спасибо записаться'],
    ['picks the transliteration the vocabulary knows', 'manikur pedikur', 'маникюр педикюр', VOCABULARY],
    ['keeps English and brand words', 'ok luxio kodi sms wifi', 'ok luxio kodi sms wifi'],
    ['handles mixed scripts in one message', 'привет pfgbibnt на manikur', 'привет запишите на маникюр'],
    ['fixes Latin look-alikes inside Cyrillic words', 'мaникюр Hа Mашу', 'маникюр на машу'],
    ['strips control and zero-width characters', 'при\u0000вет\u200B\tпока\r\n', 'привет пока'],
    ['composes decomposed letters (NFC) before anything else', 'зайду и\u0306огурт', 'зайду йогурт'],
    ['collapses whitespace', '  запишите \n\n   меня  ', 'запишите меня'],
    ['returns an empty string for empty input', '', ''],
    ['returns an empty string for emoji without meaning', '🌸✨', ''],
    ['returns an empty string for punctuation only', '?!...', ''],
    ['leaves a word already known to the vocabulary as it is', 'ok', 'ok', new Set(['ok'])],
  ];

  for (const [what, input, expected, vocabulary] of table) {
    it(`${what}: ${JSON.stringify(input)}`, () => {
      expect(normaliseForClassifier(input, vocabulary)).to.equal(expected);
    });
  }

  it('keeps only the first 1,000 characters', () => {
    const out = normaliseForClassifier('а'.repeat(999) + ' хвост');
    expect(out).to.equal('а');
    expect(normaliseForClassifier('да '.repeat(600)).split(' ')).to.have.length(Math.ceil(MAX_CLASSIFIER_CHARS / 3));
  });

  it('normalises 10,000 characters quickly', () => {
    const long = 'Приииивет ghbdtn privet 👍 18:00, '.repeat(300).slice(0, 10_000);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 10; i++) normaliseForClassifier(long, VOCABULARY);
    const perCallMs = Number(process.hrtime.bigint() - started) / 1e6 / 10;
    expect(perCallMs).to.be.below(50);
  });

  it('never throws on hostile input', () => {
    for (const input of ['\uD800', '\u0000'.repeat(100), '🤬'.repeat(2000), '[];,.\'', 'x'.repeat(10_000)]) {
      expect(() => normaliseForClassifier(input)).not.to.throw();
    }
  });
});

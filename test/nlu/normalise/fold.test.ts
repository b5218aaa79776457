import { expect } from 'chai';
import { fixKeyboardLayout, foldForMatching } from '../../../nlu/normalise';

describe('fixKeyboardLayout', () => {
  it('converts Russian typed in the Latin layout (in lowercase) and nothing else, keeping the length', () => {
    expect(fixKeyboardLayout('Pfgbibnt yf vfybr.h, email anna@mail.ru')).to.equal('запишите на маникюр, email anna@mail.ru');
    expect(fixKeyboardLayout('Ксения, к Ольге')).to.equal('Ксения, к Ольге');
  });
});

describe('foldForMatching', () => {
  const table: Array<[string, string, string]> = [
    ['lowercases and folds ё', 'Ёлка У ОЛЬГИ', 'елка у ольги'],
    ['converts a wrong-layout word key by key', 'pfgbibnt', 'запишите'],
    ['converts punctuation keys inside a wrong-layout word', 'vfybr.h', 'маникюр'],
    ['keeps real punctuation after a wrong-layout word', 'Ghbdtn, rfr ltkf?', 'привет, как дела?'],
    ['converts short words in a wrong-layout sentence', 'pfgbibnt yf pfdnhf', 'запишите на завтра'],
    ['makes Latin look-alikes inside Cyrillic words Cyrillic', 'мaникюр у Mаши', 'маникюр у маши'],
    ['leaves transliteration alone (it would change the length)', 'privet zapishite', 'privet zapishite'],
    ['leaves English, brands, digits, emoji and punctuation alone', 'OK, luxio 18:00 💅 +7 (999)', 'ok, luxio 18:00 💅 +7 (999)'],
    ['leaves repeated letters alone', 'Приииивет', 'приииивет'],
    ['returns an empty string for empty input', '', ''],
  ];

  for (const [what, input, expected] of table) {
    it(`${what}: ${JSON.stringify(input)}`, () => {
      expect(foldForMatching(input)).to.equal(expected);
    });
  }

  it('keeps the length of every input, so offsets stay valid', () => {
    const inputs = [
      'İstanbul ß ﬁ Σ', '\u0000\u200Bпри\tвет', '👍🏽👩‍❤️‍👨', 'ghbdtn, rfr ltkf', '"[jxe" yf gtlbrh.h', '\uD800x', 'Ёё'.repeat(50),
    ];
    for (const input of inputs) expect(foldForMatching(input)).to.have.length(input.length);
  });

  it('lets an offset found in the folded text point at the same word in the original', () => {
    const original = 'Хочу к Ольге на vfybr.h 💅 в пятницу';
    const folded = foldForMatching(original);
    const start = folded.indexOf('маникюр');
    expect(original.slice(start, start + 'маникюр'.length)).to.equal('vfybr.h');
  });

  it('folds 10,000 characters quickly', () => {
    const long = 'Ghbdtn vfybr.h Ёлка 👍 '.repeat(500).slice(0, 10_000);
    const started = process.hrtime.bigint();
    const out = foldForMatching(long);
    expect(Number(process.hrtime.bigint() - started) / 1e6).to.be.below(200);
    expect(out).to.have.length(10_000);
  });
});

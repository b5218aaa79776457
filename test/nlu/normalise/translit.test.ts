import { expect } from 'chai';
import { transliterate, transliterationCandidates } from '../../../nlu/normalise';

describe('transliterate', () => {
  const table: Array<[string, string]> = [
    ['privet', 'привет'],
    ['spasibo', 'спасибо'],
    ['zapishite', 'запишите'],
    ["zapisat'sya", 'записаться'],
    ['shchetka', 'щетка'],
    ['khochu', 'хочу'],
    ['zhdu', 'жду'],
    ['yula', 'юла'],
    ['vecherom', 'вечером'],
    ['tsvet', 'цвет'],
    ['dobryy', 'добрый'],
    ['moy', 'мой'],
  ];
  for (const [latin, cyrillic] of table) {
    it(`reads ${latin} as ${cyrillic}`, () => expect(transliterate(latin)).to.equal(cyrillic));
  }

  it('refuses a token with characters the table does not know', () => {
    expect(transliterate('abc1')).to.equal(undefined);
    expect(transliterate('вася')).to.equal(undefined);
  });
});

describe('transliterationCandidates', () => {
  it('lists the usual reading first and the alternatives after it', () => {
    const candidates = transliterationCandidates('manikur');
    expect(candidates[0]).to.equal('маникур');
    expect(candidates).to.include('маникюр');
  });

  it('offers ться for tsya', () => {
    expect(transliterationCandidates('zapisatsya')).to.include('записаться');
  });

  it('caps the number of candidates of long ambiguous tokens', () => {
    expect(transliterationCandidates('xcxcxcxcxcxcxcxcxcxc')).to.have.length(256);
  });
});

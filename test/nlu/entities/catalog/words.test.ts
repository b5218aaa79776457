import { expect } from 'chai';
import { allowedTypos, boundedDamerauLevenshtein, stemRu, tokenize } from '../../../../nlu/entities/catalog';
import { sameWordForms } from '../../../../nlu/entities/catalog/endings';
import { FuzzyIndex } from '../../../../nlu/entities/catalog/fuzzy-index';

describe('tokenize', () => {
  it('splits on hyphens and punctuation and keeps offsets into the original text', () => {
    const text = 'Гель-лак, ЁЛКИ 12!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).to.deep.equal(['гель', 'лак', 'елки', '12']);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase().replace(/ё/g, 'е')).to.equal(t.norm);
  });

  it('finds no words in emoji and control characters', () => {
    expect(tokenize('💅 \u0000 ✨')).to.deep.equal([]);
  });
});

describe('boundedDamerauLevenshtein', () => {
  it('counts a substitution, an insertion and a transposition as one edit each', () => {
    expect(boundedDamerauLevenshtein('маникур', 'маникюр', 2)).to.equal(1);
    expect(boundedDamerauLevenshtein('шелак', 'шеллак', 2)).to.equal(1);
    expect(boundedDamerauLevenshtein('пиедкюр', 'педикюр', 2)).to.equal(2);
    expect(boundedDamerauLevenshtein('ресинцы', 'ресницы', 2)).to.equal(1);
  });

  it('stops at max + 1 for words further apart', () => {
    expect(boundedDamerauLevenshtein('педикюр', 'дизайн', 2)).to.equal(3);
    expect(boundedDamerauLevenshtein('а', 'абвгд', 1)).to.equal(2);
  });

  it('allows no typo below 5 letters, one from 5 and two from 8', () => {
    expect([4, 5, 7, 8].map(allowedTypos)).to.deep.equal([0, 1, 1, 2]);
  });
});

describe('FuzzyIndex', () => {
  it('finds known words one or two edits away, by the shorter word\'s allowance', () => {
    const index = new FuzzyIndex();
    index.add('наращивание', 1);
    index.add('сити', 2);
    index.add('марина', 3);
    expect(index.lookup('наращевание')).to.deep.equal([{ id: 1, distance: 1 }]);
    expect(index.lookup('нарашевание')).to.deep.equal([{ id: 1, distance: 2 }]);
    expect(index.lookup('сиди')).to.deep.equal([]);
    expect(index.lookup('маринад')).to.deep.equal([{ id: 3, distance: 1 }]);
    expect(index.lookup('марина')).to.deep.equal([]);
  });
});

describe('stemRu', () => {
  it('gives the inflected forms of a word one stem', () => {
    expect(new Set(['ольга', 'ольге', 'ольгой', 'ольгу'].map(stemRu))).to.have.property('size', 1);
  });

  it('leaves Latin words and numbers as they are', () => {
    expect(stemRu('city')).to.equal('city');
    expect(stemRu('12')).to.equal('12');
  });
});

describe('sameWordForms', () => {
  it('accepts forms of one declension', () => {
    expect(sameWordForms('снятие', 'снятия', stemRu('снятие'))).to.equal(true);
    expect(sameWordForms('анна', 'анне', stemRu('анна'))).to.equal(true);
    expect(sameWordForms('тверская', 'тверской', stemRu('тверская'))).to.equal(true);
    expect(sameWordForms('брови', 'бровей', stemRu('брови'))).to.equal(true);
  });

  it('rejects words of another paradigm that share the stem', () => {
    expect(sameWordForms('снятие', 'снять', 'снят')).to.equal(false);
    expect(sameWordForms('лена', 'лень', 'лен')).to.equal(false);
    expect(sameWordForms('сити', 'сито', 'сит')).to.equal(false);
  });

  it('rejects the bare stem of a name: "свет" is not "света"', () => {
    expect(sameWordForms('света', 'свет', 'свет', true)).to.equal(false);
    expect(sameWordForms('света', 'свете', 'свет', true)).to.equal(true);
  });
});

import { expect } from 'chai';
import { L, R, scan } from '../../../../nlu/entities/datetime/scan';

describe('scan', () => {
  const WORD = new RegExp(`${L}(?:пт|сб)${R}`);

  it('finds every match in order, with Cyrillic word boundaries', () => {
    expect(scan(WORD, 'в пт или сб, но не пткс').map((m) => [m[0], m.index])).to.deep.equal([['пт', 2], ['сб', 9]]);
  });

  it('gives the same matches when the same rule reads several texts in a row', () => {
    expect(scan(WORD, 'пт сб').length).to.equal(2);
    expect(scan(WORD, 'сб').map((m) => m.index)).to.deep.equal([0]);
    expect(scan(WORD, 'ничего')).to.deep.equal([]);
  });

  it('can read a text again while the matches of an earlier reading are still in use', () => {
    const outer = scan(WORD, 'пт и сб');
    const inner = outer.map((m) => scan(WORD, m.input).length);
    expect(outer.map((m) => m[0])).to.deep.equal(['пт', 'сб']);
    expect(inner).to.deep.equal([2, 2]);
  });

  it('skips empty matches instead of looping on them', () => {
    expect(scan(/\d*/, 'a12b3').map((m) => m[0])).to.deep.equal(['12', '3']);
  });

  it('leaves the rule regex itself untouched', () => {
    const re = /пт/;
    scan(re, 'пт пт');
    expect(re.global).to.equal(false);
    expect(re.lastIndex).to.equal(0);
  });
});

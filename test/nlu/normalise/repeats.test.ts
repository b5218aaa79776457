import { expect } from 'chai';
import { collapseRepeats } from '../../../nlu/normalise';

describe('collapseRepeats', () => {
  it('collapses a run of three or more letters to one', () => {
    expect(collapseRepeats('приииивет')).to.equal('привет');
    expect(collapseRepeats('оооочень')).to.equal('очень');
  });

  it('keeps two letters when only the two-letter word is known', () => {
    expect(collapseRepeats('ваннна', new Set(['ванна']))).to.equal('ванна');
  });

  it('drops a doubled final а о у ы э, which no Russian word ends with', () => {
    expect(collapseRepeats('спасибоо')).to.equal('спасибо');
    expect(collapseRepeats('даа')).to.equal('да');
  });

  it('keeps doubled endings real words have', () => {
    for (const word of ['синее', 'синяя', 'синюю', 'марии', 'класс', 'грамм']) expect(collapseRepeats(word)).to.equal(word);
  });

  it('drops a doubled final consonant when only the shorter word is known', () => {
    expect(collapseRepeats('окк', new Set(['ок']))).to.equal('ок');
    expect(collapseRepeats('класс', new Set(['класс', 'клас']))).to.equal('класс');
  });

  it('leaves a word without repeats unchanged', () => {
    expect(collapseRepeats('маникюр')).to.equal('маникюр');
    expect(collapseRepeats('')).to.equal('');
  });
});

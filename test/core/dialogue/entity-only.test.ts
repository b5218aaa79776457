/** A message that only names things answers the question asked; one with words of its own is a request. */
import { expect } from 'chai';
import { saysOnlyEntities } from '../../../core/dialogue/entity-only';
import type { Entity } from '../../../nlu/types';

const named = (text: string, ...words: string[]): Entity[] =>
  words.map((word) => ({ entity: 'service', value: word, start: text.indexOf(word), end: text.indexOf(word) + word.length, text: word }));

describe('saysOnlyEntities', () => {
  it('is true for bare names, with prepositions, particles and punctuation around them', () => {
    expect(saysOnlyEntities('маникюр', named('маникюр', 'маникюр'))).to.equal(true);
    expect(saysOnlyEntities('ну на Патриарших, пожалуйста!', named('ну на Патриарших, пожалуйста!', 'Патриарших'))).to.equal(true);
    expect(saysOnlyEntities('к Ольге в пятницу', named('к Ольге в пятницу', 'Ольге', 'пятницу'))).to.equal(true);
    expect(saysOnlyEntities('хотя нет, лучше педикюр', named('хотя нет, лучше педикюр', 'педикюр'))).to.equal(true);
  });

  it('is false for a request that names things, and for a message that names nothing', () => {
    expect(saysOnlyEntities('запишите на маникюр', named('запишите на маникюр', 'маникюр'))).to.equal(false);
    expect(saysOnlyEntities('хочу перенести на пятницу', named('хочу перенести на пятницу', 'пятницу'))).to.equal(false);
    expect(saysOnlyEntities('а можно отменить', [])).to.equal(false);
  });
});

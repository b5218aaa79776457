/** A first message that tells what happened is the complaint's description (#13, defect 8). */
import { expect } from 'chai';
import type { Entity } from '../../../../nlu';
import { tellingWords } from '../../../../core/dialogue/slots';

function entity(text: string, word: string, name: string, value: unknown): Entity {
  const start = text.indexOf(word);
  return { entity: name, value, start, end: start + word.length, text: word };
}

describe('the telling words of a message', () => {
  it('counts what the story says besides greetings, announcements and the salon things it names', () => {
    const text = 'Здравствуйте, хочу пожаловаться. Делала маникюр у вас на Тверской, через два дня покрытие отслоилось на трёх ногтях';
    const named = [entity(text, 'маникюр', 'service', 'manicure_gel'), entity(text, 'Тверской', 'branch', 'tverskaya')];
    // делала, через, два, дня, покрытие, отслоилось, трех, ногтях
    expect(tellingWords(text, named)).to.equal(8);
  });

  it('finds little in a message that only names the trouble', () => {
    expect(tellingWords('у меня отошло покрытие', [])).to.equal(2);
    expect(tellingWords('Здравствуйте, хочу пожаловаться на ваш салон', [])).to.equal(0);
  });

  it('keeps the words a time entity spans over', () => {
    const text = 'вчера сделали стрижку, а через день всё растрепалось';
    const when = { entity: 'past_when', value: {}, start: 0, end: text.length, text };
    expect(tellingWords(text, [when])).to.be.greaterThan(4);
  });
});

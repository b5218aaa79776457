import { expect } from 'chai';
import { join } from 'node:path';
import { loadSlots } from '../../../core/flow-machines';
import { isValueAnswer } from '../../../core/dialogue/value-answer';
import { FLOWS_DIR } from './conversation';

const slots = loadSlots(join(FLOWS_DIR, 'slots.yaml'));

describe('isValueAnswer: the answer to the question asked', () => {
  it('is a message that says only a value word of the awaited slot, with fillers around it', () => {
    for (const text of ['не важно', 'Не важно!', 'ну мне правда всё равно', 'кто угодно', 'без разницы', 'да любой']) {
      expect(isValueAnswer(slots.get('master'), text), text).to.equal(true);
    }
    expect(isValueAnswer(slots.get('photo'), 'не надо')).to.equal(true);
  });

  it('is not a message that says something besides, nor one for a slot without value words', () => {
    for (const text of ['не важно, отмена', 'запишите к любому мастеру на пятницу', 'стоп', '']) {
      expect(isValueAnswer(slots.get('master'), text), text).to.equal(false);
    }
    expect(isValueAnswer(slots.get('branch'), 'не важно')).to.equal(false);
    expect(isValueAnswer(undefined, 'не важно')).to.equal(false);
  });
});

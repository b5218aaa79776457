/** A short question is read against the conversation: the flow's salon things, else what was named last. */
import { expect } from 'chai';
import type { Entity } from '../../../nlu';
import { questionEntities } from '../../../core/dialogue/question-context';

const patriki: Entity = { entity: 'branch', value: 'patriki', start: 20, end: 28, text: 'патриках' };
const values = (entities: Entity[]) => entities.map((e) => `${e.entity}=${String(e.value)}`);

describe('a short question read against the conversation', () => {
  it('gets the services, salon and master of the flow being run', () => {
    expect(values(questionEntities('а сколько это будет стоить?', [], { service: ['manicure_gel'], branch: 'tverskaya', master: 'any' }, undefined))).to.deep.equal(['service=manicure_gel', 'branch=tverskaya']);
  });

  it('keeps what it names itself', () => {
    expect(values(questionEntities('а на патриках сколько?', [patriki], { branch: 'tverskaya', service: ['pedicure_gel'] }, undefined))).to.deep.equal(['branch=patriki', 'service=pedicure_gel']);
  });

  it('outside a flow gets what the guest named last', () => {
    expect(values(questionEntities('а как доехать от метро?', [], {}, [patriki]))).to.deep.equal(['branch=patriki']);
  });

  it('a long question says all it asks', () => {
    expect(questionEntities('скажите пожалуйста а вот сколько у вас стоит вообще обычно такое', [], { service: ['manicure_gel'] }, undefined)).to.deep.equal([]);
  });
});

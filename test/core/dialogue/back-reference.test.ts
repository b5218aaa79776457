import { expect } from 'chai';
import { namedThings, withBackReferences } from '../../../core/dialogue/back-reference';
import type { Entity } from '../../../nlu/types';

const entity = (name: string, value: unknown, confidence = 1): Entity => ({ entity: name, value, start: 0, end: 1, text: String(value), confidence });

describe('back references («запишите меня на него»)', () => {
  const pedicure = entity('service', 'pedicure_gel');
  const patriki = entity('branch', 'patriki');

  it('remembers the services, salons and masters a message names, not guesses or times', () => {
    expect(namedThings([pedicure, entity('master', 'olga', 0.6), entity('when', { windows: [] })])).to.deep.equal([pedicure]);
  });

  for (const text of ['запишите меня на него', 'а на неё можно в пятницу?', 'хочу на это же', 'запишите туда же', 'можно на эту услугу']) {
    it(`«${text}» points back at what was named`, () => {
      expect(withBackReferences(text, [], [pedicure])).to.deep.equal([pedicure]);
    });
  }

  it('adds nothing to a request that points at nothing', () => {
    expect(withBackReferences('запишите меня на маникюр', [], [pedicure])).to.deep.equal([]);
    expect(withBackReferences('запишите меня', [], [pedicure])).to.deep.equal([]);
  });

  it('lets what the message names itself win over what it points back at', () => {
    const manicure = entity('service', 'manicure_gel');
    expect(withBackReferences('а на маникюр туда можно?', [manicure], [pedicure, patriki])).to.deep.equal([manicure, patriki]);
  });
});

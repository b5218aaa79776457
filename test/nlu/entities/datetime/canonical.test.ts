import { expect } from 'chai';
import { canonicalize } from '../../../../nlu/entities/datetime/canonical';

describe('canonicalize', () => {
  it('corrects a one-letter typo of a temporal word the same way every time it is seen', () => {
    for (let i = 0; i < 3; i++) {
      const canon = canonicalize('в пятницй вечерком', 100);
      expect(canon.text).to.equal('в пятницу вечером');
      expect(canon.fuzzy).to.deep.equal([{ start: 2, end: 9 }]);
    }
  });

  it('never corrects a real word that is one letter away from a temporal one', () => {
    expect(canonicalize('завтрак', 100).text).to.equal('завтрак');
    expect(canonicalize('завтрак', 100).fuzzy).to.deep.equal([]);
  });

  it('lowercases, keeps digits and maps symbols to spaces, one character for one', () => {
    const canon = canonicalize('ЗАВТРА в 18:00 🙂', 100);
    expect(canon.text).to.equal('завтра в 18:00   ');
    expect(canon.text.length).to.equal(canon.startAt.length);
  });
});

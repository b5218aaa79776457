import { expect } from 'chai';
import { enumValue, oneSlipApart, sameWord } from '../../../../core/dialogue/slots';

describe('one slip of the finger', () => {
  it('is a letter wrong, missing, extra, or two neighbours swapped', () => {
    expect(oneSlipApart('разниы', 'разницы')).to.equal(true); // missing
    expect(oneSlipApart('разниыц', 'разницы')).to.equal(true); // swapped
    expect(oneSlipApart('поечм', 'почем')).to.equal(true);
    expect(oneSlipApart('сколько', 'сколько')).to.equal(false); // the same word
    expect(oneSlipApart('разнц', 'разницы')).to.equal(false); // two letters missing
  });

  it('is forgiven only in words of five letters or more', () => {
    expect(sameWord('любую', 'любую')).to.equal(true);
    expect(sameWord('бнз', 'без')).to.equal(false);
  });

  it('still finds the value word of a slot', () => {
    const any = { any: ['без разницы', 'все равно'] };
    expect(enumValue(any, 'без разниы к кому')).to.equal('any');
    expect(enumValue(any, 'мне всё равнл')).to.equal('any');
    expect(enumValue(any, 'бкз разницы')).to.equal(undefined); // «без» is short: typed right or not at all
  });
});

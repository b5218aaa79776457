import { expect } from 'chai';
import { shippedCatalog } from '../../support/content';
import { formatList, formatServiceNames, lowerFirst, maskPhone } from '../../../salon/format';

describe('formatList', () => {
  const cases: Array<[string[], string]> = [
    [[], ''],
    [['маникюр'], 'маникюр'],
    [['маникюр', 'дизайн'], 'маникюр и дизайн'],
    [['«Патриаршие»', '«Сити»'], '«Патриаршие» и «Сити»'],
    [['снятие покрытия', 'маникюр', 'дизайн'], 'снятие покрытия, маникюр и дизайн'],
    [['маникюр', '', 'дизайн'], 'маникюр и дизайн'],
  ];
  for (const [items, expected] of cases) {
    it(`joins ${JSON.stringify(items)} as "${expected}"`, () => {
      expect(formatList(items)).to.equal(expected);
    });
  }
});

describe('lowerFirst', () => {
  it('lowercases the first letter of a name for the middle of a sentence', () => {
    expect(['Маникюр', 'Наращивание и дизайн ногтей', 'Я'].map(lowerFirst)).to.deep.equal(['маникюр', 'наращивание и дизайн ногтей', 'я']);
  });

  it('leaves an abbreviation and empty text as they are', () => {
    expect(['СПА-уход', 'SPA', ''].map(lowerFirst)).to.deep.equal(['СПА-уход', 'SPA', '']);
  });
});

describe('formatServiceNames', () => {
  const cases: Array<[string[], boolean, string]> = [
    [['manicure_gel', 'nail_design'], false, 'маникюр с покрытием гель-лак и дизайн'],
    [['manicure_classic'], false, 'маникюр классический'],
    [['polish_removal', 'manicure_gel', 'nail_design'], false, 'снятие покрытия, маникюр с покрытием гель-лак и дизайн'],
    [['nail_design'], true, 'дизайн (1 ноготь)'],
    [['lash_extension'], true, 'наращивание ресниц (классика)'],
    [[], false, ''],
    [['unknown_service'], false, 'unknown_service'],
  ];
  for (const [ids, details, expected] of cases) {
    it(`names ${ids.join(' + ') || 'no services'}${details ? ' with details' : ''} "${expected}"`, () => {
      expect(formatServiceNames(ids, shippedCatalog(), { details })).to.equal(expected);
    });
  }
});

describe('maskPhone', () => {
  const cases: Array<[string, string]> = [
    ['+79991234567', '+7 999 ***-**-67'],
    ['89991234567', '+7 999 ***-**-67'],
    ['+7 (999) 123-45-67', '+7 999 ***-**-67'],
    ['9991234567', '+7 999 ***-**-67'],
    ['+447911123456', '+**********56'],
    ['123', ''],
    ['', ''],
  ];
  for (const [phone, expected] of cases) {
    it(`masks "${phone}" as "${expected}"`, () => {
      expect(maskPhone(phone)).to.equal(expected);
    });
  }
});

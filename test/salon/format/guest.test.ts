import { expect } from 'chai';
import { shippedCatalog } from '../../support/content';
import { describeForGuest } from '../../../salon/format';

/** Test expectations write plain spaces; the helpers use no-break ones so that "2 900 ₽" stays on one line. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

describe('describeForGuest', () => {
  const guest = describeForGuest({ catalog: shippedCatalog(), now: '2026-11-24T12:00:00+03:00' });

  it('binds the helpers to the catalog\'s time zone and now', () => {
    expect(guest.formatSlotTime('2026-11-25T15:00:00Z')).to.equal('завтра, 25 ноября, 18:00');
    expect(guest.formatDate('2026-12-04')).to.equal('4 декабря');
    expect(guest.formatServiceNames(['manicure_gel', 'nail_design'])).to.equal('маникюр с покрытием гель-лак и дизайн');
    expect(plain(guest.formatPrice(2500, { from: true }))).to.equal('от 2 500 ₽');
    expect(guest.maskPhone('+79991234567')).to.equal('+7 999 ***-**-67');
  });

  it('writes the shipped branches\' hours from the catalog', () => {
    expect(['tverskaya', 'patriki', 'city'].map((id) => guest.formatHours(id))).to.deep.equal([
      'ежедневно 10:00–22:00', 'ежедневно 10:00–21:00', 'пн–сб 09:00–21:00, вс 10:00–20:00',
    ]);
  });

  it('names branches and masters from the catalog', () => {
    expect(guest.branchName('tverskaya')).to.equal('«Тверская»');
    expect(guest.branchNames(['patriki', 'city'])).to.equal('«Патриаршие» и «Сити»');
    expect(guest.branchAddress('city')).to.equal('Пресненская наб., 8, стр. 1, 2 этаж');
    expect(guest.masterName('olga')).to.equal('Ольга Смирнова');
    expect(guest.masterName('any')).to.equal('');
  });

  it('sums a booking up in one line', () => {
    expect(guest.bookingSummary({ services: ['manicure_gel'], start: '2026-11-27T18:00:00+03:00', branch: 'tverskaya', master: 'olga' }))
      .to.equal('маникюр с покрытием гель-лак, пт, 27 ноября, 18:00, «Тверская», мастер Ольга Смирнова');
    expect(guest.bookingSummary({ services: ['brow_shape'], start: '2026-11-25T11:00:00+03:00', branch: 'city', master: 'any' }))
      .to.equal('коррекция бровей, завтра, 25 ноября, 11:00, «Сити»');
  });

  it('tells when administrators answer only with a known now', () => {
    expect(guest.formatAdminAnswerTime({ tue: '10:00-21:00' })).to.equal('в ближайшее время');
    expect(describeForGuest({ catalog: shippedCatalog() }).formatAdminAnswerTime({ tue: '10:00-21:00' })).to.equal('');
  });
});

import { expect } from 'chai';
import { formatDays, formatList, formatPercent, formatRoubles, formatWeeklyHours } from '../../../engine/faq';

describe('faq/format', () => {
  describe('formatRoubles', () => {
    it('groups thousands with a space and ends with ₽', () => {
      expect(formatRoubles(2900)).to.equal('2 900 ₽');
      expect(formatRoubles(150)).to.equal('150 ₽');
      expect(formatRoubles(10000)).to.equal('10 000 ₽');
      expect(formatRoubles(1234567)).to.equal('1 234 567 ₽');
    });

    it('reads "от …" for a lower-bound price', () => {
      expect(formatRoubles(2500, true)).to.equal('от 2 500 ₽');
    });
  });

  describe('formatWeeklyHours', () => {
    const every = (span: string) => ({ mon: span, tue: span, wed: span, thu: span, fri: span, sat: span, sun: span });

    it('says "ежедневно" when every day has the same hours', () => {
      expect(formatWeeklyHours(every('10:00-22:00'))).to.equal('ежедневно 10:00–22:00');
    });

    it('groups consecutive days with the same hours into a range', () => {
      expect(formatWeeklyHours({ ...every('09:00-21:00'), sun: '10:00-20:00' })).to.equal('пн–сб 09:00–21:00, вс 10:00–20:00');
    });

    it('joins days with the same hours that are not consecutive', () => {
      expect(formatWeeklyHours({ ...every('10:00-20:00'), sat: '11:00-18:00' })).to.equal('пн–пт, вс 10:00–20:00, сб 11:00–18:00');
    });

    it('lists closed days as "выходной"', () => {
      const { mon: _mon, ...rest } = every('10:00-22:00');
      expect(formatWeeklyHours(rest)).to.equal('вт–вс 10:00–22:00, пн — выходной');
    });

    it('writes two neighbouring days with a comma, not a range', () => {
      expect(formatWeeklyHours({ sat: '10:00-16:00', sun: '10:00-16:00' })).to.equal('сб, вс 10:00–16:00, пн–пт — выходной');
    });
  });

  describe('formatDays', () => {
    it('agrees the word with the number', () => {
      expect([1, 3, 5, 7, 11, 21, 22].map(formatDays)).to.deep.equal(['1 день', '3 дня', '5 дней', '7 дней', '11 дней', '21 день', '22 дня']);
    });
  });

  describe('formatPercent and formatList', () => {
    it('puts a space before the percent sign', () => {
      expect(formatPercent(30)).to.equal('30 %');
    });

    it('joins the last two items with "и"', () => {
      expect(formatList(['«Тверская»'])).to.equal('«Тверская»');
      expect(formatList(['«Патриаршие»', '«Сити»'])).to.equal('«Патриаршие» и «Сити»');
      expect(formatList(['a', 'b', 'c'])).to.equal('a, b и c');
    });
  });
});

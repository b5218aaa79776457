import { expect } from 'chai';
import { extractPhones } from '../../../nlu/entities/phone';

describe('extractPhones', () => {
  const phones: Array<[string, string, string]> = [
    // [message, number as written, E.164]
    ['+7 999 123-45-67', '+7 999 123-45-67', '+79991234567'],
    ['8(999)123-45-67', '8(999)123-45-67', '+79991234567'],
    ['89991234567', '89991234567', '+79991234567'],
    ['8 999 123 45 67', '8 999 123 45 67', '+79991234567'],
    ['+7-999-1234567', '+7-999-1234567', '+79991234567'],
    ['+7 (999) 123-45-67, перезвоните', '+7 (999) 123-45-67', '+79991234567'],
    ['мой номер 9991234567', '9991234567', '+79991234567'],
    ['тел 8 916 000 11 22', '8 916 000 11 22', '+79160001122'],
    ['79991234567', '79991234567', '+79991234567'],
    ['тел:89991234567.', '89991234567', '+79991234567'],
    ['тел89991234567', '89991234567', '+79991234567'],
    ['Ирина 89991234567', '89991234567', '+79991234567'],
    ['(495) 123-45-67', '(495) 123-45-67', '+74951234567'],
    ['8\u00A0999\u00A0123\u201345\u201367', '8\u00A0999\u00A0123\u201345\u201367', '+79991234567'],
    ['+8 999 123 45 67', '+8 999 123 45 67', '+79991234567'],
    ['8 999 123 45 67 2 человека в 18:00', '8 999 123 45 67', '+79991234567'],
  ];

  for (const [message, written, e164] of phones) {
    it(`finds ${e164} in ${JSON.stringify(message)}`, () => {
      const found = extractPhones(message);
      expect(found).to.have.length(1);
      const [phone] = found;
      expect(phone).to.include({ entity: 'phone', value: e164, text: written, extractor: 'phone' });
      expect(message.slice(phone.start, phone.end)).to.equal(written);
    });
  }

  const notPhones: Array<[string, string]> = [
    ['a price', 'маникюр с покрытием 2 900 ₽'],
    ['a large price', 'сертификат на 10 000 ₽'],
    ['a date', 'можно 25.12 в 18:00?'],
    ['a date with a year', '25.12.2025'],
    ['a time range', 'с 12:00 до 15:30'],
    ['a card number in groups', '4276 1234 5678 9012'],
    ['a card number in one piece', '4276123456789012'],
    ['a six-digit code', 'код 123456'],
    ['eleven digits that are no Russian number', '12345678901'],
    ['ten digits not starting with 9', '4951234567'],
    ['an id glued to Latin letters', 'заказ A89991234567'],
    ['a number that runs on', '899912345678'],
  ];

  for (const [what, message] of notPhones) {
    it(`finds nothing in ${what}: ${JSON.stringify(message)}`, () => {
      expect(extractPhones(message)).to.deep.equal([]);
    });
  }

  it('finds two numbers in one message', () => {
    const found = extractPhones('8-999-123-45-67 или 8-916-000-11-22');
    expect(found.map((p) => p.value)).to.deep.equal(['+79991234567', '+79160001122']);
  });

  it('scores a bare ten-digit number below a number with its country code', () => {
    expect(extractPhones('9991234567')[0].confidence).to.be.below(extractPhones('89991234567')[0].confidence ?? 0);
  });

  it('copes with empty, huge and hostile input', () => {
    expect(extractPhones('')).to.deep.equal([]);
    expect(extractPhones('1 '.repeat(5_000))).to.deep.equal([]);
    expect(extractPhones('😭\u0000+(((')).to.deep.equal([]);
    const many = 'звоните 89991234567 '.repeat(400);
    expect(extractPhones(many)).to.have.length(400);
  });
});

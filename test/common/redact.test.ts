import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactPersonalData } from '../../common/redact';

describe('redactPersonalData', () => {
  it('masks a Russian phone in every format guests type, keeping the last two digits', () => {
    for (const phone of ['+7 999 123-45-67', '+79991234567', '89991234567', '8 999 123 45 67', '8(999)123-45-67', '+7 (999) 123-45-67', '9991234567', '8‑999‑123‑45‑67']) {
      expect(redactPersonalData(`мой номер ${phone}, перезвоните`), phone).to.equal('мой номер +7 *** ***-**-67, перезвоните');
    }
  });

  it('masks a city number with its code in brackets', () => {
    expect(redactPersonalData('звоните (495) 123-45-89')).to.equal('звоните +7 *** ***-**-89');
  });

  it('masks a phone glued to a word', () => {
    expect(redactPersonalData('тел89991234567')).to.equal('тел+7 *** ***-**-67');
  });

  it('masks every phone of a message, also two in a row', () => {
    expect(redactPersonalData('89991234567 89161234500')).to.equal('+7 *** ***-**-67 +7 *** ***-**-00');
  });

  it('masks a foreign number written with a plus, keeping its layout', () => {
    expect(redactPersonalData('+44 20 7946 0958')).to.equal('+** ** **** **58');
  });

  it('masks an e-mail address, keeping its first letter and domain', () => {
    expect(redactPersonalData('почта ivan.petrov@mail.ru')).to.equal('почта i***@mail.ru');
    expect(redactPersonalData('Алёна@почта.рф')).to.equal('А***@почта.рф');
    expect(redactPersonalData('89991234567@mail.ru')).to.equal('8***@mail.ru');
  });

  it('leaves dates, times, prices, ids and timestamps alone', () => {
    for (const text of [
      'в пт 27.11 после 18:00',
      '25.12.2026',
      'маникюр 2 500 ₽, педикюр 3 200 ₽',
      'запись B12',
      '2026-11-27T18:00:00+03:00',
      '1764255600000',
      'через 10 минут',
    ]) {
      expect(redactPersonalData(text), text).to.equal(text);
    }
  });

  it('never throws on bad input and stays fast on long text', () => {
    expect(redactPersonalData('')).to.equal('');
    expect(redactPersonalData('😊💅')).to.equal('😊💅');
    expect(redactPersonalData('\u0000\u0007')).to.equal('\u0000\u0007');
    expect(redactPersonalData(undefined as unknown as string)).to.equal('');
    const long = 'a'.repeat(10_000) + '@';
    const started = process.hrtime.bigint();
    expect(redactPersonalData(long)).to.equal(long);
    expect(redactPersonalData('1 '.repeat(5000))).to.equal('1 '.repeat(5000));
    expect(Number(process.hrtime.bigint() - started) / 1e6).to.be.below(500);
  });

  it('imports nothing else of the project', () => {
    const source = readFileSync(join(__dirname, '../../common/redact.ts'), 'utf8');
    expect(source).to.not.match(/from '\.{1,2}\//);
  });
});

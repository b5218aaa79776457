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

  it('masks a phone split by zero-width characters', () => {
    for (const phone of ['8\u200B999\u200B123\u200B45\u200B67', '+7\u200C999\u200D1234567', '8 999\u2060 123-45-67', '8999\uFEFF1234567', '89991\u00AD234567', '8\u200B\u200B999 123 45 67']) {
      expect(redactPersonalData(`тел ${phone}`), JSON.stringify(phone)).to.equal('тел +7 *** ***-**-67');
    }
  });

  it('masks a phone written with dots, and a local number with dots or hyphens', () => {
    expect(redactPersonalData('звоните 8.999.555.12.34')).to.equal('звоните +7 *** ***-**-34');
    expect(redactPersonalData('звоните +7.999.555.12.34')).to.equal('звоните +7 *** ***-**-34');
    expect(redactPersonalData('звоните 999.555.12.34')).to.equal('звоните +7 *** ***-**-34');
    expect(redactPersonalData('мой городской 555.12.34')).to.equal('мой городской ***.**.34');
    expect(redactPersonalData('мой городской 555-12-34')).to.equal('мой городской ***-**-34');
  });

  it('masks a phone written in full-width or Arabic-Indic digits', () => {
    expect(redactPersonalData('номер ８９９９１２３４５６７')).to.equal('номер +7 *** ***-**-67');
    expect(redactPersonalData('номер ＋７ ９９９ １２３－４５－６７')).to.equal('номер +7 *** ***-**-67');
    expect(redactPersonalData('номер ٨٩٩٩١٢٣٤٥٦٧')).to.equal('номер +7 *** ***-**-67');
  });

  it('masks a foreign number written without a plus, as WhatsApp ids are', () => {
    expect(redactPersonalData('4915123456789')).to.equal('***********89');
    expect(redactPersonalData('whatsapp:4915123456789')).to.equal('whatsapp:***********89');
    expect(redactPersonalData('UK 447911123456, US 12025550143')).to.equal('UK **********56, US *********43');
  });

  it('leaves dates, times, versions, addresses and chat ids alone, however they are dotted', () => {
    for (const text of ['27.11.2026 в 18.30', '1.12.2026', 'версия 1.2.3', '192.168.1.1', '1.500 ₽', 'чат -1001234567890', 'ＡＢＣ', '👩‍👩‍👧 1 2 3']) {
      expect(redactPersonalData(text), text).to.equal(text);
    }
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

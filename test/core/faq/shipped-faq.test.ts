import { expect } from 'chai';
import { join } from 'node:path';
import { loadRules } from '../../../salon/rules';
import { loadFaq, type FaqBase } from '../../../core/faq';
import { CONTENT_DIR, shippedCatalog } from '../../support/content';

/** The brand voice allows these emoji, at most one per message. */
const BRAND_EMOJI = ['💅', '✨', '🌸', '🤍'];

describe('the shipped FAQ (content/faq)', () => {
  let faq: FaqBase;
  const answers = () => faq.entries.filter((e) => e.answer !== undefined);
  const referencesOf = (kind: string) => new Set(answers().flatMap((e) => [...e.answer!.matchAll(new RegExp(`\\{${kind}:([a-z0-9_]+)\\}`, 'g'))].map((m) => m[1])));

  before(() => {
    faq = loadFaq(join(CONTENT_DIR, 'faq'), shippedCatalog());
  });

  it('renders every answer with no reference left unresolved', () => {
    for (const entry of answers()) {
      const text = faq.render(entry);
      expect(text, entry.id).to.have.length.above(0).and.not.match(/[{}]/);
    }
  });

  it('never writes a price into an answer: prices come only from catalog references', () => {
    for (const entry of answers()) {
      expect(entry.answer, entry.id).to.not.match(/\d\s*₽/);
      // Nor any catalog price figure ("2900", "2 900"), whatever follows it ("руб", "р.").
      const figures = shippedCatalog().services.flatMap((s) => [String(s.price), s.price.toLocaleString('ru-RU').replace(/\s/g, ' ')]);
      const plain = entry.answer!.replace(/\{[^{}]*\}/g, '').replace(/\s/g, ' ');
      for (const figure of figures.filter((f) => f.length >= 3)) expect(plain, `${entry.id} writes ${figure}`).to.not.match(new RegExp(`(^|\\D)${figure}(\\D|$)`));
    }
  });

  it('gives the price and duration of every service', () => {
    const ids = shippedCatalog().services.map((s) => s.id);
    expect([...referencesOf('price')]).to.include.members(ids);
    expect([...referencesOf('minutes')]).to.include.members(ids);
  });

  it('gives every branch’s address, metro, hours, parking and services', () => {
    const ids = shippedCatalog().branches.map((b) => b.id);
    for (const kind of ['address', 'metro', 'hours', 'parking', 'services_in']) expect([...referencesOf(kind)], kind).to.include.members(ids);
  });

  it('gives the guarantee of every service that has one, and the prepayments', () => {
    const catalog = shippedCatalog();
    expect([...referencesOf('guarantee')]).to.include.members(catalog.services.filter((s) => s.guarantee_days > 0).map((s) => s.id));
    expect([...referencesOf('prepayment')]).to.include.members(catalog.services.filter((s) => s.prepayment_percent > 0).map((s) => s.id));
  });

  it('covers the brief’s facts that live only in the FAQ', () => {
    const has = (id: string, ...words: string[]) => {
      const text = faq.render(faq.get(id)!);
      for (const word of words) expect(text, id).to.include(word);
    };
    has('payment_methods', 'картой', 'наличными', 'СБП');
    has('gift_certificates', '3 000', '5 000', '10 000', '1 год');
    has('materials_gel_polish', 'Luxio', 'Kodi');
    has('single_use_files', 'одноразовые');
    has('sterilisation', 'сухожар', 'крафт');
    has('children', '12 лет', 'родител');
    has('pets', 'нельзя');
    has('drinks', 'кофе', 'чай', 'вода', 'бесплатно');
    has('loyalty_sixth_manicure', '6-й', '20 %');
    has('birthday_discount', '15 %', '7 дней');
    has('injections_not_offered', 'Уколов красоты');
    has('booking_how', 'Запишем');
    has('top_master_surcharge', '30 %');
  });

  it('agrees with content/rules.yaml on the free-change window and tolerated lateness', () => {
    const rules = loadRules(join(CONTENT_DIR, 'rules.yaml'));
    const hours = `${rules.changes.free_until_hours} час`;
    expect(faq.get('cancel_window')!.answer).to.include(hours);
    expect(faq.get('prepayment_refund')!.answer).to.include(hours);
    expect(faq.get('lateness')!.answer).to.include(`${rules.lateness.tolerated_minutes} минут`);
    expect(faq.get('booking_horizon')!.answer).to.include(`${rules.booking.lead_minutes / 60} час`).and.include(`${rules.booking.horizon_days} дней`);
  });

  it('lists at least five ways guests ask each question', () => {
    for (const entry of faq.entries) expect(entry.questions, entry.id).to.have.length.within(5, 10);
  });

  it('keeps the brand voice: at most one emoji per answer, from the brand’s set', () => {
    for (const entry of answers()) {
      const emoji = entry.answer!.match(/\p{Extended_Pictographic}/gu) ?? [];
      expect(emoji.length, entry.id).to.be.at.most(1);
      for (const e of emoji) expect(BRAND_EMOJI, entry.id).to.include(e);
    }
  });

  it('answers no medical question: those entries hand over to an administrator', () => {
    const medical = faq.entries.filter((e) => e.id.startsWith('medical_'));
    expect(medical).to.have.length.above(0);
    for (const entry of medical) expect(entry, entry.id).to.include({ handover: 'medical' }).and.not.have.property('answer');
  });
});

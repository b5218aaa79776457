import { expect } from 'chai';
import { createMemoryTrainingCache, FALLBACK_INTENT, Nlu, parseRasaNlu, type WhenValue } from '../../nlu';
import { shippedCatalog, shippedNlu } from '../support/content';

const NOW = new Date('2026-11-24T12:00:00+03:00'); // a Tuesday

describe('Nlu', () => {
  let nlu: Nlu;
  before(async () => {
    nlu = await shippedNlu();
  });

  it('understands the guest from the brief: booking, manicure, Friday after six', () => {
    const result = nlu.parseSync('запишите плз на ноготочки в пт после 6', { now: NOW });
    expect(result.intent.name).to.equal('booking');
    expect(result.intent.confidence).to.be.greaterThan(0.8);
    const service = result.entities.find((e) => e.entity === 'service');
    expect(service).to.include({ value: 'manicure_gel', text: 'ноготочки' });
    const when = result.entities.find((e) => e.entity === 'when')!.value as WhenValue;
    expect(when.windows).to.deep.equal([{ from: '2026-11-27T18:00:00+03:00', to: '2026-11-27T22:00:00+03:00' }]);
  });

  for (const [text, intent] of [
    ['можно перенести маникюр', 'reschedule'],
    ['у меня отслоилось покрытие', 'complaint'],
    ['отмените мою запись на завтра', 'cancel'],
    ['как в прошлый раз пожалуйста', 'repeat_last'],
    ['позовите администратора', 'handover'],
    ['сколько стоит педикюр', 'faq'],
    ['приииивет', 'greet'],
    ['спс', 'thanks'],
    ['pfgbibnt yf vfybrbh', 'booking'],
  ] as const) {
    it(`classifies "${text}" as ${intent}`, () => {
      expect(nlu.parseSync(text, { now: NOW }).intent.name).to.equal(intent);
    });
  }

  describe('a greeting that opens a longer message', () => {
    for (const [text, intent] of [
      ['Здравствуйте, хочу пожаловаться на ваш салон', 'complaint'],
      ['добрый день! запишите на маникюр', 'booking'],
      ['добрый день, девочки 🌸', 'greet'],
      ['привет, как дела', 'greet'],
    ] as const) {
      it(`«${text}» is ${intent}, synchronously and not`, async () => {
        expect(nlu.parseSync(text, { now: NOW }).intent.name).to.equal(intent);
        expect((await nlu.parse(text, { now: NOW })).intent.name).to.equal(intent);
      });
    }
  });

  it('gives the same answer asynchronously', async () => {
    const text = 'к ольге на тверской в субботу утром';
    expect(await nlu.parse(text, { now: NOW })).to.deep.equal(nlu.parseSync(text, { now: NOW }));
  });

  it('finds phone, name, branch and master with offsets into the original text', () => {
    const text = 'запишите маму, Тамару Ивановну, к Ольге на Тверской, мой тел 8 (999) 123-45-67';
    const entities = nlu.parseSync(text, { now: NOW }).entities;
    const byKind = Object.fromEntries(entities.map((e) => [e.entity, e]));
    expect(byKind.guest_name.value).to.equal('Тамара Ивановна');
    expect(byKind.master.value).to.equal('olga');
    expect(byKind.branch.value).to.equal('tverskaya');
    expect(byKind.phone.value).to.equal('+79991234567');
    for (const e of entities) expect(text.slice(e.start, e.end)).to.equal(e.text);
  });

  it('reads the entities of Russian typed in the Latin layout, with offsets and texts of what was typed', () => {
    const text = 'pfgbibnt yf vfybr.h d gznybwe dtxthjv yf Ndthcrjq';
    const entities = nlu.parseSync(text, { now: NOW }).entities;
    const byKind = Object.fromEntries(entities.map((e) => [e.entity, e]));
    expect(byKind.service.value).to.equal('manicure_gel');
    expect(byKind.branch.value).to.equal('tverskaya');
    expect((byKind.when.value as WhenValue).source).to.equal('в пятницу вечером');
    for (const e of entities) expect(text.slice(e.start, e.end)).to.equal(e.text);
  });

  it('reads a day both ways: `when` looking ahead for a booking, `past_when` looking back for a visit', () => {
    const entities = nlu.parseSync('в субботу на педикюр', { now: NOW }).entities;
    const windows = (name: string) => (entities.find((e) => e.entity === name)?.value as WhenValue | undefined)?.windows;
    expect(windows('when')).to.deep.equal([{ from: '2026-11-28T09:00:00+03:00', to: '2026-11-28T22:00:00+03:00' }]);
    expect(windows('past_when')).to.deep.equal([{ from: '2026-11-21T09:00:00+03:00', to: '2026-11-21T22:00:00+03:00' }]);
    expect(entities.find((e) => e.entity === 'service')).to.include({ value: 'pedicure_gel' });
  });

  it('gives `past_when` alone for a day that has passed, and none for a day to come', () => {
    const kinds = (text: string) => nlu.parseSync(text, { now: NOW }).entities.map((e) => e.entity);
    expect(kinds('вчера')).to.deep.equal(['past_when']);
    expect(kinds('в прошлую субботу')).to.deep.equal(['past_when']);
    expect(kinds('послезавтра')).to.deep.equal(['when']);
  });

  for (const [text, intent] of [
    ['на педикюр послезавтра утром, сити, любой мастер', 'booking'],
    ['в прошлый вторник', 'inform'],
  ] as const) {
    it(`classifies "${text}" as ${intent}`, () => {
      expect(nlu.parseSync(text, { now: NOW }).intent.name).to.equal(intent);
    });
  }

  describe('bad input', () => {
    const cases: Array<[string, string]> = [
      ['empty text', ''],
      ['10,000 characters', 'маникюр '.repeat(1250)],
      ['emoji only', '🙂🙂🙂'],
      ['Latin only', 'qwerty asdf zxcv'],
      ['mixed scripts', 'hello привет 123 ёжик'],
      ['control characters', '\u0000\u0007\u001b[31m\u200b'],
    ];
    for (const [name, text] of cases) {
      it(`never throws on ${name}`, () => {
        const result = nlu.parseSync(text, { now: NOW });
        expect(result.text).to.equal(text);
        expect(result.intent).to.have.keys('name', 'confidence');
      });
    }

    it('falls back with zero confidence on an empty message', () => {
      expect(nlu.parseSync('', { now: NOW }).intent).to.deep.equal({ name: FALLBACK_INTENT, confidence: 0 });
      expect(nlu.parseSync('   \u0000 ', { now: NOW }).intent.name).to.equal(FALLBACK_INTENT);
    });

    it('falls back on gibberish below the threshold', () => {
      const result = nlu.parseSync('хрмпф ыыы', { now: NOW });
      expect(result.intent.name).to.equal(FALLBACK_INTENT);
      expect(result.intent.confidence).to.be.below(nlu.fallbackThreshold);
      expect(result.ranking).to.have.length.greaterThan(0);
    });

    it('treats a non-string like an empty message', () => {
      expect(nlu.parseSync(undefined as unknown as string, { now: NOW }).intent.name).to.equal(FALLBACK_INTENT);
    });
  });

  describe('training cache', () => {
    const data = (extra = '') => parseRasaNlu(`nlu:
- intent: greet
  examples: |
    - привет
    - здравствуйте
    - добрый день${extra}
- intent: thanks
  examples: |
    - спасибо
    - благодарю
    - спс
`);

    it('restores a model trained on the same content from the cache', async () => {
      const cache = createMemoryTrainingCache();
      const first = await Nlu.train({ training: data(), catalog: shippedCatalog() }, { cache });
      const second = await Nlu.train({ training: data(), catalog: shippedCatalog() }, { cache });
      expect([first.fromCache, second.fromCache, cache.size]).to.deep.equal([false, true, 1]);
      expect(second.parseSync('привет', { now: NOW })).to.deep.equal(first.parseSync('привет', { now: NOW }));
    });

    it('trains again when the training data changes', async () => {
      const cache = createMemoryTrainingCache();
      await Nlu.train({ training: data(), catalog: shippedCatalog() }, { cache });
      const changed = await Nlu.train({ training: data('\n    - хай'), catalog: shippedCatalog() }, { cache });
      expect([changed.fromCache, cache.size]).to.deep.equal([false, 2]);
    });

    it('uses a configurable fallback threshold', async () => {
      const strict = await Nlu.train({ training: data(), catalog: shippedCatalog() }, { fallbackThreshold: 0.999 });
      expect(strict.parseSync('привет', { now: NOW }).intent.name).to.equal(FALLBACK_INTENT);
    });
  });
});

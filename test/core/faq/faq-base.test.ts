import { expect } from 'chai';
import { join } from 'node:path';
import { createFaqBase, DEFAULT_ANSWER_THRESHOLD, loadFaq, parseFaqSources, type FaqBase, type FaqEntities } from '../../../core/faq';
import { createEntityExtractor, type EntityExtractor } from '../../../nlu';
import { CONTENT_DIR, shippedCatalog, shippedTraining } from '../../support/content';
import { HELD_OUT_QUERIES, HELD_OUT_UNANSWERED, LABELLED_QUERIES, MEDICAL_QUERIES, OFF_TOPIC_QUERIES } from './labelled-queries';

const NOW = new Date('2026-03-02T09:00:00Z');

describe('FaqBase', () => {
  let faq: FaqBase;
  let extract: EntityExtractor;

  /** The service and branch ids the NLU finds in a message, as the dialogue manager passes them. */
  const entitiesOf = (text: string): FaqEntities => {
    const entities = extract(text, NOW);
    const ids = (kind: string) => entities.filter((e) => e.entity === kind).map((e) => String(e.value));
    return { services: ids('service'), branches: ids('branch') };
  };

  /** Top-1 accuracy over labelled queries, with the misses for the failure message. */
  const topOne = (set: ReadonlyArray<readonly [string, string]>, withEntities: boolean) => {
    const misses = set
      .map(([query, expected]) => [query, expected, faq.search(query, { ...(withEntities ? entitiesOf(query) : {}), limit: 1 })[0].entry.id])
      .filter(([, expected, got]) => got !== expected);
    return { accuracy: 1 - misses.length / set.length, misses: misses.map(([q, e, g]) => `${q} → ${g} (want ${e})`).join('; ') };
  };

  before(() => {
    faq = loadFaq(join(CONTENT_DIR, 'faq'), shippedCatalog());
    extract = createEntityExtractor(shippedCatalog(), shippedTraining());
  });

  describe('answer and handover about one message', () => {
    it('answer the same as separately when asked one after the other, with other entities or another threshold', () => {
      const fresh = () => loadFaq(join(CONTENT_DIR, 'faq'), shippedCatalog());
      const query = 'а гарантия какая';
      const asked = [
        faq.handover(query)?.entry.id, faq.answer(query)?.entry.id,
        faq.answer(query, { services: ['lash_extension'] })?.entry.id,
        faq.answer(query, { services: ['lash_extension'], threshold: 2 })?.entry.id,
        faq.answer(query)?.entry.id,
      ];
      expect(asked).to.deep.equal([
        fresh().handover(query)?.entry.id, fresh().answer(query)?.entry.id,
        fresh().answer(query, { services: ['lash_extension'] })?.entry.id,
        fresh().answer(query, { services: ['lash_extension'], threshold: 2 })?.entry.id,
        fresh().answer(query)?.entry.id,
      ]);
      expect(asked[2]).to.equal('guarantee_lashes');
      expect(asked[3]).to.equal(undefined);
    });

    it('does not answer from a stale search when the caller changes its entity list afterwards', () => {
      const services = ['lash_extension'];
      const first = faq.answer('а гарантия какая', { services })?.entry.id;
      services.length = 0;
      expect(faq.answer('а гарантия какая', { services })?.entry.id).to.equal(faq.answer('а гарантия какая', {})?.entry.id);
      expect(first).to.equal('guarantee_lashes');
    });
  });

  describe('search', () => {
    it('finds the entry of a typo-ridden messenger question', () => {
      expect(faq.search('скок стоит маник с шилаком')[0].entry.id).to.equal('price_manicure_gel');
      expect(faq.search('гдe парковаца в сити', { branches: ['city'] })[0].entry.id).to.equal('parking_city');
    });

    it('ranks the top-1 of ≥ 40 labelled paraphrases right at least 85 % of the time, 95 % with NLU entities', () => {
      expect(LABELLED_QUERIES.length).to.be.at.least(40);
      const plain = topOne(LABELLED_QUERIES, false);
      const withEntities = topOne(LABELLED_QUERIES, true);
      expect(plain.accuracy, plain.misses).to.be.at.least(0.85);
      expect(withEntities.accuracy, withEntities.misses).to.be.at.least(0.95);
    });

    it('ranks held-out paraphrases (never used for tuning) right at least 80 % of the time', () => {
      const plain = topOne(HELD_OUT_QUERIES, false);
      const withEntities = topOne(HELD_OUT_QUERIES, true);
      expect(plain.accuracy, plain.misses).to.be.at.least(0.8);
      expect(withEntities.accuracy, withEntities.misses).to.be.at.least(0.8);
    });

    it('ranks entries tagged with the mentioned service or branch higher', () => {
      const plain = faq.search('а гарантия какая');
      const lashes = faq.search('а гарантия какая', { services: ['lash_extension'] });
      expect(plain[0].entry.id).to.not.equal('guarantee_lashes');
      expect(lashes[0].entry.id).to.equal('guarantee_lashes');
      expect(lashes[0].parts.entities).to.be.above(0);
      expect(faq.search('до скольки работаете', { branches: ['city'] })[0].entry.id).to.equal('hours_city');
    });

    it('lets a specific entry supersede the general one of its topic when the entity is named', () => {
      const hits = faq.search('парковка есть?', { branches: ['patriki'] });
      expect(hits[0].entry.id).to.equal('parking_patriki');
      expect(hits.find((h) => h.entry.id === 'parking_all')!.parts.entities).to.be.below(0);
    });

    it('returns at most `limit` hits, best first, with the parts of each score', () => {
      const hits = faq.search('сколько стоит педикюр', { limit: 3 });
      expect(hits).to.have.length(3);
      expect(hits[0].score).to.be.at.least(hits[1].score).and.at.least(hits[2].score);
      expect(hits[0].parts.embedding).to.be.within(0, 1.0001);
      expect(hits[0].parts.lexical).to.be.within(0, 1);
      expect(faq.search('сколько стоит педикюр', { limit: 0 })).to.deep.equal([]);
      expect(faq.search('сколько стоит педикюр')).to.have.length(5);
    });

    it('is deterministic: the same query gives the same ranking, in another base built from the same files too', () => {
      const other = createFaqBase(parseFaqSources([], shippedCatalog()).concat(faq.entries), shippedCatalog());
      const rank = (base: FaqBase) => base.search('где можно оставить машину', { limit: 10 }).map((h) => [h.entry.id, h.score]);
      expect(rank(faq)).to.deep.equal(rank(faq));
      expect(rank(other)).to.deep.equal(rank(faq));
    });

    it('answers a query in well under a millisecond', () => {
      const queries = [...LABELLED_QUERIES.map(([q]) => q), ...OFF_TOPIC_QUERIES];
      for (const q of queries) faq.search(q); // warm-up
      const rounds = 10;
      const start = performance.now();
      for (let r = 0; r < rounds; r++) for (const q of queries) faq.search(q, { services: ['manicure_gel'], branches: ['city'] });
      const perQuery = (performance.now() - start) / (rounds * queries.length);
      expect(perQuery).to.be.below(1);
    });

    it('never throws on bad input', () => {
      const odd = ['', '   ', '💅💅💅', 'hello how much', '\u0000\u0007\u202e', 'маникюр '.repeat(1500), '?!'];
      for (const text of odd) {
        expect(() => faq.search(text), JSON.stringify(text.slice(0, 20))).to.not.throw();
        expect(() => faq.answer(text)).to.not.throw();
      }
      expect(() => faq.search(undefined as unknown as string)).to.not.throw();
      expect(faq.answer('')).to.equal(undefined);
    });
  });

  describe('answer', () => {
    it('gives the rendered answer of the best entry when retrieval is confident', () => {
      const answer = faq.answer('скок стоит шеллак', { services: ['manicure_gel'] });
      expect(answer?.entry.id).to.equal('price_manicure_gel');
      expect(answer?.text).to.match(/^Маникюр с покрытием гель-лак — 2\u202F900\u00A0₽, 90 мин\./);
      expect(answer?.score).to.be.at.least(DEFAULT_ANSWER_THRESHOLD);
    });

    it('answers every labelled paraphrase whose entry ranks first (with NLU entities)', () => {
      const unanswered = LABELLED_QUERIES.filter(([q, id]) => faq.search(q, { ...entitiesOf(q), limit: 1 })[0].entry.id === id && !faq.answer(q, entitiesOf(q)));
      expect(unanswered.map(([q]) => q)).to.deep.equal([]);
    });

    it('does not answer off-topic messages', () => {
      expect(OFF_TOPIC_QUERIES.length).to.be.at.least(10);
      for (const query of [...OFF_TOPIC_QUERIES, ...HELD_OUT_UNANSWERED]) {
        expect(faq.answer(query)?.entry.id, query).to.equal(undefined);
        expect(faq.answer(query, entitiesOf(query))?.entry.id, query).to.equal(undefined);
      }
    });

    it('does not answer medical questions, and hands them over instead', () => {
      for (const query of MEDICAL_QUERIES) {
        expect(faq.answer(query, entitiesOf(query))?.entry.id, query).to.equal(undefined);
        expect(faq.handover(query, entitiesOf(query))?.reason, query).to.equal('medical');
      }
      expect(faq.handover('сколько стоит маникюр')).to.equal(undefined);
    });

    it('takes a stricter or looser threshold from the caller', () => {
      expect(faq.answer('скок стоит шеллак', { threshold: 5 })).to.equal(undefined);
      expect(faq.answer('какая погода завтра', { threshold: 0 })).to.not.equal(undefined);
    });
  });
});

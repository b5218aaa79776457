import { expect } from 'chai';
import { createSparseEmbedder, dot } from '../../../nlu/embed';
import { createBm25Index } from '../../../core/faq/bm25';
import { entityBoosts, ENTITY_MATCH_BOOST, ENTITY_MISMATCH_PENALTY } from '../../../core/faq/score';
import { lexicalTerms } from '../../../core/faq/terms';
import { createVectorIndex } from '../../../core/faq/vector-index';

describe('faq retrieval parts', () => {
  describe('lexicalTerms', () => {
    it('keeps the stems of content words and drops politeness and function words', () => {
      expect(lexicalTerms('подскажите плз а сколько стоит маникюр у вас')).to.deep.equal(['скольк', 'сто', 'маникюр']);
      expect(lexicalTerms('')).to.deep.equal([]);
    });
  });

  describe('createBm25Index', () => {
    const index = createBm25Index([
      { primary: ['парковк', 'машин'], secondary: [] },
      { primary: ['цен', 'маникюр', 'маникюр'], secondary: ['маникюр'] },
      { primary: ['цен', 'педикюр'], secondary: [] },
    ]);

    it('scores documents with the query’s terms, rare terms weighing more', () => {
      const [parking, manicure, pedicure] = index.score(['цен', 'маникюр']);
      expect(parking).to.equal(0);
      expect(manicure).to.be.above(pedicure).and.above(0);
    });

    it('stays within 0..1, and a word no document knows lowers the score', () => {
      const known = index.score(['маникюр'])[1];
      const withUnknown = index.score(['маникюр', 'айфон'])[1];
      expect(known).to.be.within(0, 1);
      expect(withUnknown).to.be.below(known);
      expect([...index.score([])]).to.deep.equal([0, 0, 0]);
    });
  });

  describe('createVectorIndex', () => {
    it('gives exactly the dot product of the query with each vector', () => {
      const embedder = createSparseEmbedder();
      const texts = ['сколько стоит маникюр', 'где припарковаться', 'цена шеллака', ''];
      embedder.fit(texts);
      const vectors = texts.map((t) => embedder.embedSync(t));
      const query = embedder.embedSync('скок стоит маник');
      const dots = createVectorIndex(vectors).dots(query);
      vectors.forEach((v, i) => expect(dots[i]).to.be.closeTo(dot(query, v), 1e-6));
    });
  });

  describe('entityBoosts', () => {
    const entries = [
      { service: ['lash_extension'], branch: [], topic: 'guarantee' },
      { service: ['nail_extension'], branch: [], topic: 'guarantee' },
      { service: [], branch: [], topic: 'guarantee' },
      { service: [], branch: [], topic: 'pets' },
      { service: [], branch: [], handover: 'medical' },
      { service: [], branch: ['city'], topic: 'parking' },
    ];

    it('boosts entries tagged with a mentioned id and penalises those tagged with others', () => {
      const [lashes, nails] = entityBoosts(entries, { services: ['lash_extension'] });
      expect(lashes).to.equal(ENTITY_MATCH_BOOST);
      expect(nails).to.equal(-ENTITY_MISMATCH_PENALTY);
    });

    it('penalises a general entry whose topic has a matching specific entry, and leaves other topics alone', () => {
      const boosts = entityBoosts(entries, { services: ['lash_extension'] });
      expect(boosts[2]).to.equal(-ENTITY_MISMATCH_PENALTY);
      expect(boosts[3]).to.equal(0);
    });

    it('counts a handover entry as matching any mentioned service, but not a branch', () => {
      expect(entityBoosts(entries, { services: ['manicure_gel'] })[4]).to.equal(ENTITY_MATCH_BOOST);
      expect(entityBoosts(entries, { branches: ['city'] })[4]).to.equal(0);
    });

    it('changes nothing when no entity is mentioned', () => {
      expect(entityBoosts(entries, {})).to.deep.equal([0, 0, 0, 0, 0, 0]);
      expect(entityBoosts(entries, { services: [], branches: [] })).to.deep.equal([0, 0, 0, 0, 0, 0]);
    });
  });
});

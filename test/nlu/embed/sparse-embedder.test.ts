import { expect } from 'chai';
import type { SparseVector } from '../../../nlu/types';
import { createSparseEmbedder, dot, EmbedderConfigError, l2norm, sparseEmbedderFromJSON } from '../../../nlu/embed';

const corpus = [
  'запишите на маникюр',
  'хочу записаться на стрижку',
  'можно записаться на педикюр в пятницу',
  'сколько стоит маникюр с покрытием',
  'где припарковаться у салона',
  'какой у вас адрес',
  'отмените мою запись пожалуйста',
  'перенесите запись на завтра',
];

function fitted() {
  const embedder = createSparseEmbedder();
  embedder.fit(corpus);
  return embedder;
}

function expectWellFormed(v: SparseVector): void {
  expect(v.indices.length).to.equal(v.values.length);
  for (let k = 1; k < v.indices.length; k++) expect(v.indices[k]).to.be.greaterThan(v.indices[k - 1]);
}

describe('sparse embedder', () => {
  it('gives the same vector for the same text, in the same and in another instance', () => {
    const a = fitted().embedSync('запишите плз на ноготочки в пт после 6');
    const b = fitted().embedSync('запишите плз на ноготочки в пт после 6');
    expect(Array.from(a.indices)).to.deep.equal(Array.from(b.indices));
    expect(Array.from(a.values)).to.deep.equal(Array.from(b.values));
  });

  it('returns unit vectors with sorted, unique indices', () => {
    const embedder = fitted();
    for (const text of ['маникюр', 'запишите на маникюр к марине в субботу', 'a b c', '18 00']) {
      const v = embedder.embedSync(text);
      expectWellFormed(v);
      expect(l2norm(v)).to.be.closeTo(1, 1e-5);
    }
  });

  it('places two phrasings of a booking closer to each other than to an unrelated question', () => {
    const embedder = fitted();
    const book = embedder.embedSync('запишите на маникюр');
    const bookInformal = embedder.embedSync('записаться на маникюрчик');
    const parking = embedder.embedSync('где припарковаться');
    expect(dot(book, bookInformal)).to.be.greaterThan(dot(book, parking) + 0.2);
    expect(dot(book, bookInformal)).to.be.greaterThan(dot(bookInformal, parking) + 0.2);
  });

  it('matches inflected forms through char n-grams and stems', () => {
    const embedder = fitted();
    const base = embedder.embedSync('маникюр');
    expect(dot(base, embedder.embedSync('маникюра'))).to.be.greaterThan(dot(base, embedder.embedSync('педикюр')));
  });

  it('down-weights words common to the whole corpus once fitted', () => {
    const texts = ['пожалуйста маникюр', 'пожалуйста стрижка', 'пожалуйста парковка', 'пожалуйста адрес', 'пожалуйста запись'];
    const unfitted = createSparseEmbedder();
    const embedder = createSparseEmbedder();
    embedder.fit(texts);
    const similarity = (e: typeof embedder) => dot(e.embedSync('пожалуйста маникюр'), e.embedSync('пожалуйста парковка'));
    expect(similarity(embedder)).to.be.lessThan(similarity(unfitted) - 0.1);
    const please = embedder.embedSync('пожалуйста маникюр');
    expect(dot(please, embedder.embedSync('маникюр'))).to.be.greaterThan(dot(please, embedder.embedSync('пожалуйста')));
  });

  it('gives a word repeated the same direction as the word once (sublinear TF, then normalised)', () => {
    const embedder = createSparseEmbedder({ stemBigrams: false });
    expect(dot(embedder.embedSync('маникюр маникюр'), embedder.embedSync('маникюр'))).to.be.closeTo(1, 1e-5);
  });

  it('hashes one feature per boundary-marked n-gram ("<ма" … "юр>")', () => {
    const embedder = createSparseEmbedder({ charNgrams: [3, 3], wordStems: false, stemBigrams: false });
    // "<маникюр>" has 7 trigrams: <ма, ман, ани, ник, икю, кюр, юр>.
    expect(embedder.embedSync('маникюр').indices.length).to.equal(7);
  });

  it('restores from JSON an embedder that gives identical vectors', () => {
    const embedder = fitted();
    const restored = sparseEmbedderFromJSON(JSON.parse(JSON.stringify(embedder.toJSON())));
    expect(restored.id).to.equal(embedder.id);
    for (const text of ['запишите на маникюр', 'неизвестные слова тут', '']) {
      const a = embedder.embedSync(text);
      const b = restored.embedSync(text);
      expect(Array.from(b.indices)).to.deep.equal(Array.from(a.indices));
      expect(Array.from(b.values)).to.deep.equal(Array.from(a.values));
    }
  });

  it('round-trips an embedder that was never fitted', () => {
    const embedder = createSparseEmbedder({ charNgrams: [1, 3], buckets: 1024, wordStems: false });
    const restored = sparseEmbedderFromJSON(JSON.parse(JSON.stringify(embedder)));
    expect(restored.id).to.equal(embedder.id);
    expect(Array.from(restored.embedSync('салон').values)).to.deep.equal(Array.from(embedder.embedSync('салон').values));
  });

  it('refuses a corrupt or foreign saved state with a hint to retrain', () => {
    const state = fitted().toJSON() as { id: string; idf: { counts: string } };
    expect(() => sparseEmbedderFromJSON({ hello: 1 })).to.throw(EmbedderConfigError, /train again/);
    expect(() => sparseEmbedderFromJSON({ ...state, id: 'sparse:v0:c2-5' })).to.throw(EmbedderConfigError, /featuriser changed/);
    expect(() => sparseEmbedderFromJSON({ ...state, idf: { ...state.idf, counts: 'AAA' } })).to.throw(EmbedderConfigError);
  });

  it('names its settings in its id', () => {
    expect(createSparseEmbedder().id).to.equal('sparse:v1:c2-5:b262144:s1:bg1');
    expect(createSparseEmbedder({ charNgrams: [1, 4], buckets: 4096, wordStems: false, stemBigrams: false }).id).to.equal('sparse:v1:c1-4:b4096:s0:bg0');
  });

  it('rejects invalid options', () => {
    expect(() => createSparseEmbedder({ charNgrams: [5, 2] })).to.throw(EmbedderConfigError, /charNgrams/);
    expect(() => createSparseEmbedder({ buckets: 0 })).to.throw(EmbedderConfigError, /buckets/);
  });

  it('embeds an empty or blank text as a zero-length vector without throwing', () => {
    const embedder = fitted();
    for (const text of ['', '   ', '\n\t']) {
      const v = embedder.embedSync(text);
      expect(v.indices.length).to.equal(0);
      expect(v.values.length).to.equal(0);
    }
  });

  it('copes with 10,000 characters, emoji, Latin and control characters', () => {
    const embedder = fitted();
    for (const text of ['а'.repeat(10_000), 'маникюр '.repeat(1250), '💅💅 🙂', 'manicure please', 'ма\u0000ни\u0007кюр']) {
      const v = embedder.embedSync(text);
      expectWellFormed(v);
      expect(l2norm(v)).to.be.closeTo(1, 1e-5);
    }
  });

  it('offers the async Embedder interface with the same vectors', async () => {
    const embedder = fitted();
    const [a] = await embedder.embedBatch(['запишите на маникюр']);
    const b = await embedder.embed('запишите на маникюр');
    expect(dot(a, b)).to.be.closeTo(1, 1e-6);
  });

  it('embeds a typical message in well under a millisecond after warm-up', () => {
    const embedder = fitted();
    const messages = ['запишите плз на ноготочки в пт после 6', 'здравствуйте хочу записаться на маникюр с покрытием к марине'];
    for (let i = 0; i < 2000; i++) embedder.embedSync(messages[i % 2]);
    const runs = 5000;
    const started = performance.now();
    for (let i = 0; i < runs; i++) embedder.embedSync(messages[i % 2]);
    const perCall = (performance.now() - started) / runs;
    // The target is ≤ 0.1 ms; the bound leaves room for a loaded CI machine.
    expect(perCall).to.be.lessThan(0.5);
  });
});

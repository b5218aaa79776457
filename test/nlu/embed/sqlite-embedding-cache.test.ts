import { expect } from 'chai';
import Database from 'better-sqlite3';
import { TABLE_VERSIONS } from '../../../common';
import { createMemoryEmbeddingCache, createSqliteEmbeddingCache, EMBEDDING_CACHE_TABLE } from '../../../nlu/embed';

describe('SQLite embedding cache', () => {
  it('creates its table at version 1 and returns stored vectors bit for bit, also after a reopen', () => {
    const db = new Database(':memory:');
    const cache = createSqliteEmbeddingCache(db);
    const vector = Float32Array.of(0.1, -0.25, 3.5e-8, 1);
    cache.set('m', 'запишите на маникюр', vector);
    expect(Array.from(cache.get('m', 'запишите на маникюр')!)).to.deep.equal(Array.from(vector));
    expect(db.prepare(`SELECT value FROM ${TABLE_VERSIONS} WHERE key = ?`).get(EMBEDDING_CACHE_TABLE)).to.deep.equal({ value: '1' });
    expect(Array.from(createSqliteEmbeddingCache(db).get('m', 'запишите на маникюр')!)).to.deep.equal(Array.from(vector));
  });

  it('misses for another model or another text', () => {
    const cache = createSqliteEmbeddingCache(new Database(':memory:'));
    cache.set('m', 'маникюр', Float32Array.of(1));
    expect(cache.get('other', 'маникюр')).to.equal(undefined);
    expect(cache.get('m', 'педикюр')).to.equal(undefined);
  });

  it('stores a text by its hash, not the text itself', () => {
    const db = new Database(':memory:');
    createSqliteEmbeddingCache(db).set('m', 'личный текст гостя', Float32Array.of(1));
    const row = db.prepare(`SELECT * FROM ${EMBEDDING_CACHE_TABLE}`).get() as Record<string, unknown>;
    expect(JSON.stringify(row)).to.not.include('личный');
    expect(row.text_sha256).to.match(/^[0-9a-f]{64}$/);
  });

  it('reads and writes many vectors at once, aligned with the texts', () => {
    const cache = createSqliteEmbeddingCache(new Database(':memory:'));
    cache.setMany!('m', [['a', Float32Array.of(1, 2)], ['c', Float32Array.of(3, 4)]]);
    const [a, b, c] = cache.getMany!('m', ['a', 'b', 'c']);
    expect(Array.from(a!)).to.deep.equal([1, 2]);
    expect(b).to.equal(undefined);
    expect(Array.from(c!)).to.deep.equal([3, 4]);
  });

  it('opens an existing table again without losing entries', () => {
    const db = new Database(':memory:');
    createSqliteEmbeddingCache(db).set('m', 'a', Float32Array.of(7));
    expect(Array.from(createSqliteEmbeddingCache(db).get('m', 'a')!)).to.deep.equal([7]);
  });
});

describe('memory embedding cache', () => {
  it('returns copies, so a caller cannot alter a cached vector', () => {
    const cache = createMemoryEmbeddingCache();
    cache.set('m', 'a', Float32Array.of(1, 2));
    cache.get('m', 'a')![0] = 99;
    expect(Array.from(cache.get('m', 'a')!)).to.deep.equal([1, 2]);
  });
});

/**
 * The embedding cache in SQLite: one row per (model, sha256 of the text), the vector as a BLOB of float32s.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { migrateOwnTables } from '../../common';
import type { EmbeddingCache } from './embedding-cache';

/** The table the cache creates if missing. */
export const EMBEDDING_CACHE_TABLE = 'embedding_cache';

interface Row {
  vector: Buffer;
}

/** The cache key of a text: hex sha256 of its UTF-8 bytes (texts may be long; hashes are fixed-size). */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * An embedding cache in a better-sqlite3 database; its table is versioned like every other (`migrateOwnTables`). Vectors are stored as
 * the raw bytes of a Float32Array (little-endian on every platform Node runs on in practice).
 *
 * @example
 * const cache = createSqliteEmbeddingCache(new Database('data/coco.db'));
 * const embedder = createOpenAiEmbedder({ apiKey: process.env.OPENAI_API_KEY!, cache });
 */
export function createSqliteEmbeddingCache(db: Database): EmbeddingCache {
  migrateOwnTables(db, EMBEDDING_CACHE_TABLE, [{ version: 1, description: 'dense embeddings by model and text', up: (d) => d.exec(`CREATE TABLE IF NOT EXISTS ${EMBEDDING_CACHE_TABLE} (
    model TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, text_sha256)
  ) WITHOUT ROWID`) }]);
  const select = db.prepare<[string, string], Row>(`SELECT vector FROM ${EMBEDDING_CACHE_TABLE} WHERE model = ? AND text_sha256 = ?`);
  const upsert = db.prepare<[string, string, number, Buffer]>(
    `INSERT OR REPLACE INTO ${EMBEDDING_CACHE_TABLE} (model, text_sha256, dimensions, vector) VALUES (?, ?, ?, ?)`,
  );

  const get = (model: string, text: string): Float32Array | undefined => {
    const row = select.get(model, textHash(text));
    return row ? blobToVector(row.vector) : undefined;
  };
  const set = (model: string, text: string, vector: Float32Array): void => {
    upsert.run(model, textHash(text), vector.length, vectorToBlob(vector));
  };
  const getMany = db.transaction((model: string, texts: readonly string[]) => texts.map((text) => get(model, text)));
  const setMany = db.transaction((model: string, entries: ReadonlyArray<readonly [string, Float32Array]>) => {
    for (const [text, vector] of entries) set(model, text, vector);
  });

  return { get, set, getMany: (model, texts) => getMany(model, texts), setMany: (model, entries) => setMany(model, entries) };
}

function vectorToBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

function blobToVector(blob: Buffer): Float32Array {
  // Copy into a fresh, aligned buffer: SQLite's bytes may sit at any offset of a shared pool.
  const bytes = new Uint8Array(blob.byteLength - (blob.byteLength % 4));
  bytes.set(blob.subarray(0, bytes.length));
  return new Float32Array(bytes.buffer);
}

import { expect } from 'chai';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteConsents, SqlitePayloadTable, SqliteSentParts } from '../../../connectors/storage';
import { decodePayload, encodePayload } from '../../../connectors/messaging';
import { removeTempDir } from '../../support/temp';

describe('the connectors’ SQLite tables', () => {
  let dir: string;
  let file: string;
  const now = () => new Date('2026-11-24T09:00:00.000Z');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coco-storage-'));
    file = join(dir, 'coco.db');
  });
  afterEach(() => removeTempDir(dir));

  /** Opens the file, runs `use`, closes it: one "process". */
  const withDb = <T>(use: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return use(db);
    } finally {
      db.close();
    }
  };

  it('resolves a long button payload after a restart (SqlitePayloadTable)', () => {
    const payload = `/slot slot=${'2026-11-27T18:00:00+03:00|olga-smirnova|tverskaya|manicure-gel'.repeat(2)}`;
    const key = withDb((db) => encodePayload(payload, new SqlitePayloadTable(db, { now }), 64));
    expect(key).to.match(/^#.{22}$/);
    expect(withDb((db) => decodePayload(key, new SqlitePayloadTable(db, { now })))).to.equal(payload);
    expect(withDb((db) => decodePayload('#unknownkey', new SqlitePayloadTable(db, { now })))).to.equal(undefined);
  });

  it('forgets payloads unused for longer than it keeps them', () => {
    withDb((db) => new SqlitePayloadTable(db, { now }).put('#old', '/slot a=b'));
    const halfAYearLater = () => new Date('2027-06-01T00:00:00.000Z');
    expect(withDb((db) => new SqlitePayloadTable(db, { now: halfAYearLater, keepDays: 180 }).get('#old'))).to.equal(undefined);
  });

  it('remembers the parts of a split reply already sent, per delivery id, after a restart (SqliteSentParts)', () => {
    withDb((db) => {
      const parts = new SqliteSentParts(db, { now });
      parts.record(7, 0, '101');
      parts.record(7, 1, '102');
      parts.record(8, 0, '201');
    });
    expect(withDb((db) => [...new SqliteSentParts(db, { now }).of(7)])).to.deep.equal([[0, '101'], [1, '102']]);
    expect(withDb((db) => new SqliteSentParts(db, { now }).of(9).size)).to.equal(0);
  });

  it('keeps each consent with its evidence, once per message (SqliteConsents)', () => {
    const consent = { channel: 'telegram', userId: '42', at: new Date('2026-11-24T08:59:00.000Z'), messageId: '42:1', text: 'Продолжая переписку, вы соглашаетесь…' };
    withDb((db) => {
      const consents = new SqliteConsents(db);
      consents.record(consent);
      consents.record(consent);
    });
    withDb((db) => {
      const consents = new SqliteConsents(db);
      expect(consents.has('telegram', '42')).to.equal(true);
      expect(consents.has('telegram', '43')).to.equal(false);
      expect(consents.latest('telegram', '42')).to.deep.equal(consent);
      expect(db.prepare('SELECT COUNT(*) AS n FROM chn_consents').get()).to.deep.equal({ n: 1 });
    });
  });
});

import { expect } from 'chai';
import Database from 'better-sqlite3';
import { migrateOwnTables, TABLE_VERSIONS } from '../../common';

describe('tables a single module owns (migrateOwnTables)', () => {
  it('are versioned each under its own name, adopting an existing table in place', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE t_notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO t_notes (text) VALUES ('kept')");
    const steps = [
      { version: 1, description: 'notes', up: (d: Database.Database) => d.exec('CREATE TABLE IF NOT EXISTS t_notes (id INTEGER PRIMARY KEY, text TEXT)') },
      { version: 2, description: 'notes by text', up: (d: Database.Database) => d.exec('CREATE INDEX t_notes_text ON t_notes (text)') },
    ];
    expect(migrateOwnTables(db, 't_notes', steps)).to.equal(2);
    expect(migrateOwnTables(db, 't_notes', steps)).to.equal(2);
    expect(migrateOwnTables(db, 't_other', steps.slice(0, 1))).to.equal(1);
    expect(db.prepare(`SELECT key, value FROM ${TABLE_VERSIONS} ORDER BY key`).all()).to.deep.equal([{ key: 't_notes', value: '2' }, { key: 't_other', value: '1' }]);
    expect(db.prepare('SELECT text FROM t_notes').all()).to.deep.equal([{ text: 'kept' }]);
    expect(() => migrateOwnTables(db, 't_notes', steps.slice(0, 1))).to.throw(/the table t_notes are at schema version 2, but this engine knows only up to 1/);
  });
});

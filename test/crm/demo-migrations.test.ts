import { expect } from 'chai';
import Database from 'better-sqlite3';
import { CrmError } from '../../crm';
import { CRM_MIGRATIONS, createCrmTables } from '../../crm/demo/tables';

describe('the demo CRM\'s tables', () => {
  it('adopt a database made before they were versioned, keeping its rows, and add the idempotency table', () => {
    const db = new Database(':memory:');
    db.exec(`
      CREATE TABLE crm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO crm_meta VALUES ('seed_date', '2026-11-24');
      CREATE TABLE crm_clients (id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL UNIQUE);
      INSERT INTO crm_clients (name, phone) VALUES ('Анна', '+79990000001');
    `);
    createCrmTables(db);
    expect(db.prepare("SELECT value FROM crm_meta WHERE key = 'schema_version'").get()).to.deep.equal({ value: String(CRM_MIGRATIONS.length) });
    expect(db.prepare("SELECT value FROM crm_meta WHERE key = 'seed_date'").get()).to.deep.equal({ value: '2026-11-24' });
    expect(db.prepare('SELECT name FROM crm_clients').all()).to.deep.equal([{ name: 'Анна' }]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'crm_idempotency'").get()).to.deep.equal({ n: 1 });
    createCrmTables(db);
    expect(db.prepare("SELECT value FROM crm_meta WHERE key = 'schema_version'").get()).to.deep.equal({ value: String(CRM_MIGRATIONS.length) });
  });

  it('refuse a database a newer program wrote', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE crm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID; INSERT INTO crm_meta VALUES ('schema_version', '99');");
    expect(() => createCrmTables(db)).to.throw(CrmError, /version 99, this program knows 3/);
  });
});

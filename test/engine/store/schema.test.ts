import { expect } from 'chai';
import Database from 'better-sqlite3';
import {
  CONVERSATION_MIGRATIONS,
  createSqliteConversationStore,
  migrateConversationTables,
  SchemaTooNewError,
  type MigrationStep,
} from '../../../engine/store';
import { stateWith, TELEGRAM_GUEST } from './fixtures';

const schemaVersion = (db: Database.Database) =>
  (db.prepare(`SELECT value FROM conv_meta WHERE key = 'schema_version'`).get() as { value: string } | undefined)?.value;
const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'conv_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);

describe('conversation tables', () => {
  it('are created with a schema_version row when missing', () => {
    const db = new Database(':memory:');
    expect(migrateConversationTables(db)).to.equal(CONVERSATION_MIGRATIONS.length);
    expect(tables(db)).to.deep.equal(['conv_conversations', 'conv_messages', 'conv_meta', 'conv_turns']);
    expect(schemaVersion(db)).to.equal(String(CONVERSATION_MIGRATIONS.length));
  });

  it('index the message log by conversation and seq', () => {
    const db = new Database(':memory:');
    migrateConversationTables(db);
    const columns = (db.prepare(`SELECT name FROM pragma_index_info('conv_messages_conversation_seq')`).all() as { name: string }[]).map((c) => c.name);
    expect(columns).to.deep.equal(['conversation_id', 'seq']);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM conv_messages WHERE conversation_id = 'x' AND seq > 3 ORDER BY seq`).all();
    expect(JSON.stringify(plan)).to.include('conv_messages_conversation_seq');
  });

  it('are left as they are when opened again, data included', () => {
    const db = new Database(':memory:');
    createSqliteConversationStore(db).saveTurn(TELEGRAM_GUEST, null, stateWith({ turn: 3 }), []);
    expect(createSqliteConversationStore(db).load(TELEGRAM_GUEST)!.state.turn).to.equal(3);
    expect(migrateConversationTables(db)).to.equal(CONVERSATION_MIGRATIONS.length);
  });

  it('run only the steps a database has not had yet, each once', () => {
    const db = new Database(':memory:');
    migrateConversationTables(db);
    let runs = 0;
    const later: MigrationStep = {
      version: CONVERSATION_MIGRATIONS.length + 1,
      description: 'an inbox for channels',
      up: (d) => {
        runs++;
        d.exec('CREATE TABLE conv_inbox (id INTEGER PRIMARY KEY)');
      },
    };
    expect(migrateConversationTables(db, [...CONVERSATION_MIGRATIONS, later])).to.equal(later.version);
    migrateConversationTables(db, [...CONVERSATION_MIGRATIONS, later]);
    expect(runs).to.equal(1);
    expect(tables(db)).to.include('conv_inbox');
  });

  it('roll a failing step back entirely, keeping the previous version', () => {
    const db = new Database(':memory:');
    migrateConversationTables(db);
    const broken: MigrationStep = {
      version: CONVERSATION_MIGRATIONS.length + 1,
      description: 'broken',
      up: (d) => d.exec('CREATE TABLE conv_half (id INTEGER); SELECT * FROM no_such_table'),
    };
    expect(() => migrateConversationTables(db, [...CONVERSATION_MIGRATIONS, broken])).to.throw(/no_such_table/);
    expect(tables(db)).to.not.include('conv_half');
    expect(schemaVersion(db)).to.equal(String(CONVERSATION_MIGRATIONS.length));
  });

  it('refuse a database written by a newer engine', () => {
    const db = new Database(':memory:');
    migrateConversationTables(db);
    db.prepare(`UPDATE conv_meta SET value = '99' WHERE key = 'schema_version'`).run();
    expect(() => createSqliteConversationStore(db)).to.throw(SchemaTooNewError).that.includes({ found: 99 });
  });

  it('refuse a step list with gaps', () => {
    const gap: MigrationStep = { version: 5, description: 'gap', up: () => undefined };
    expect(() => migrateConversationTables(new Database(':memory:'), [...CONVERSATION_MIGRATIONS, gap])).to.throw(RangeError);
  });
});

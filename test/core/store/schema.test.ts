import { expect } from 'chai';
import Database from 'better-sqlite3';
import { CONVERSATION_MIGRATIONS, createSqliteConversationStore, migrateConversationTables } from '../../../core/store';
import { SchemaTooNewError, type MigrationStep } from '../../../common';
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

  it('index only handed-over conversations, so an ordinary turn updates no listing index', () => {
    const db = new Database(':memory:');
    migrateConversationTables(db);
    const indexes = (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'conv_conversations' AND sql IS NOT NULL`).all() as { name: string; sql: string }[]);
    expect(indexes.map((i) => i.name)).to.deep.equal(['conv_conversations_handed_over']);
    expect(indexes[0].sql).to.match(/WHERE handed_over = 1/);
  });

  it('keep the turn log appended in rowid order and found by conversation and turn', () => {
    const db = new Database(':memory:');
    migrateConversationTables(db);
    const withoutRowid = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'conv_turns'`).get() as { sql: string }).sql.includes('WITHOUT ROWID');
    expect(withoutRowid).to.equal(false);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT MAX(turn) FROM conv_turns WHERE conversation_id = 'x'`).all();
    expect(JSON.stringify(plan)).to.include('conv_turns_conversation_turn');
  });

  it('move a version 1 database to the new turn log with its turns intact', () => {
    const db = new Database(':memory:');
    migrateConversationTables(db, CONVERSATION_MIGRATIONS.slice(0, 1));
    const v1 = createSqliteConversationStore;
    db.prepare(`INSERT INTO conv_conversations VALUES ('telegram:1', 'telegram', '1', '{}', 2, 1, 'a', 'b')`).run();
    db.prepare(`INSERT INTO conv_turns VALUES ('telegram:1', 1, 1, 'a', 'booking', 'branch', '{}', 0, NULL), ('telegram:1', 2, 2, 'b', NULL, NULL, '{}', 1, NULL)`).run();
    expect(migrateConversationTables(db)).to.equal(CONVERSATION_MIGRATIONS.length);
    const store = v1(db);
    expect(store.turns('telegram:1').map((t) => t.turn)).to.deep.equal([1, 2]);
    expect(store.list({ handedOver: true }).map((c) => c.id)).to.deep.equal(['telegram:1']);
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

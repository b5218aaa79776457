import { expect } from 'chai';
import Database from 'better-sqlite3';
import { DELIVERY_MIGRATIONS, Inbox, migrateDeliveryTables } from '../../../core/delivery';

const AT = '2026-11-24T09:00:00.000Z';
const indexColumns = (db: Database.Database, name: string) =>
  (db.prepare(`SELECT name FROM pragma_index_info(?)`).all(name) as { name: string }[]).map((c) => c.name);

describe('delivery tables', () => {
  it('key the inbox by channel, conversation and message id', () => {
    const db = new Database(':memory:');
    expect(migrateDeliveryTables(db)).to.equal(DELIVERY_MIGRATIONS.length);
    expect(indexColumns(db, 'dlv_inbox_conversation_message')).to.deep.equal(['channel', 'conversation_id', 'message_id']);
    expect(indexColumns(db, 'dlv_inbox_channel_message')).to.deep.equal([]);
  });

  it('move a version 1 database to the per-conversation key, its messages kept and still recognised', () => {
    const db = new Database(':memory:');
    migrateDeliveryTables(db, DELIVERY_MIGRATIONS.slice(0, 1));
    db.prepare(
      `INSERT INTO dlv_inbox (channel, message_id, conversation_id, message, status, received_at)
       VALUES ('web', '1', 'web:session-a', '{"channel":"web","userId":"session-a","text":"маникюр","messageId":"1"}', 'done', ?)`,
    ).run(AT);
    expect(migrateDeliveryTables(db)).to.equal(2);
    const inbox = new Inbox(db);
    const again = inbox.accept({ channel: 'web', userId: 'session-a', text: 'маникюр', messageId: '1' }, 'web:session-a', AT);
    const other = inbox.accept({ channel: 'web', userId: 'session-b', text: 'педикюр', messageId: '1' }, 'web:session-b', AT);
    expect(again).to.deep.include({ isNew: false });
    expect(again.entry.message.text).to.equal('маникюр');
    expect(other).to.deep.include({ isNew: true });
    expect(other.entry.message.text).to.equal('педикюр');
  });
});

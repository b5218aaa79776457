import { expect } from 'chai';
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSqliteConversationStore, openDatabase } from '../../../core/store';
import { stateWith, tempDatabase, TELEGRAM_GUEST } from './fixtures';

/** Waits until `check` holds, for at most `ms`. */
async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await sleep(20);
  return check();
}

describe('checkpointInBackground', () => {
  it('folds the log into the database file while the engine\'s connection only appends to it', async () => {
    const file = tempDatabase();
    const db = openDatabase(file.path);
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).to.equal(0);
      const store = createSqliteConversationStore(db);
      const before = statSync(file.path).size;
      const bulky = 'щ'.repeat(4000);
      for (let turn = 1; turn <= 50; turn++) {
        store.saveTurn(TELEGRAM_GUEST, turn === 1 ? null : turn - 1, stateWith({ turn, note: bulky }), [{ direction: 'in', text: bulky }]);
      }
      expect(await eventually(() => statSync(file.path).size > before + 200_000)).to.equal(true);
      expect(store.load(TELEGRAM_GUEST)?.state.turn).to.equal(50);
    } finally {
      db.close();
      file.remove();
    }
  });

  it('serves every connection of the process on the file, and the data outlives closing them', () => {
    const file = tempDatabase();
    try {
      const first = openDatabase(file.path);
      const second = openDatabase(file.path);
      expect([first, second].map((db) => db.pragma('wal_autocheckpoint', { simple: true }))).to.deep.equal([0, 0]);
      createSqliteConversationStore(first).saveTurn(TELEGRAM_GUEST, null, stateWith({ turn: 1 }), []);
      first.close();
      expect(createSqliteConversationStore(second).load(TELEGRAM_GUEST)?.version).to.equal(1);
      second.close();
      const reopened = openDatabase(file.path);
      expect(createSqliteConversationStore(reopened).load(TELEGRAM_GUEST)?.state.turn).to.equal(1);
      reopened.close();
    } finally {
      file.remove();
    }
  });

  it('leaves in-memory databases alone', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).to.equal(1000);
    db.close();
  });
});

import { expect } from 'chai';
import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrentUpdateError, createSqliteConversationStore, KeyedMutex } from '../../../core/store';
import { stateWith, TELEGRAM_GUEST } from './fixtures';

describe('KeyedMutex', () => {
  it('runs 20 concurrent tasks of one key one at a time, in the order they came', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const tasks = Array.from({ length: 20 }, (_, i) =>
      mutex.run('telegram:1', async () => {
        running++;
        most = Math.max(most, running);
        events.push(`start ${i}`);
        // Later tasks finish sooner: without the lock they would overlap and end out of order.
        await sleep(20 - i);
        events.push(`end ${i}`);
        running--;
        return i;
      }),
    );
    expect(await Promise.all(tasks)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i));
    expect(most).to.equal(1);
    expect(events).to.deep.equal(Array.from({ length: 20 }, (_, i) => [`start ${i}`, `end ${i}`]).flat());
  });

  it('runs tasks of two keys in parallel', async () => {
    const mutex = new KeyedMutex();
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await sleep(30);
      running--;
    };
    await Promise.all([mutex.run('telegram:1', task), mutex.run('whatsapp:2', task)]);
    expect(most).to.equal(2);
  });

  it('rejects only the failing task and still runs the next one of the key', async () => {
    const mutex = new KeyedMutex();
    const failing = mutex.run('k', async () => {
      throw new Error('CRM down');
    });
    const throwingAtOnce = mutex.run('k', () => {
      throw new Error('bug');
    });
    const next = mutex.run('k', async () => 'ok');
    const outcomes = await Promise.allSettled([failing, throwingAtOnce, next]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o.value))).to.deep.equal(['CRM down', 'bug', 'ok']);
  });

  it('forgets a key once its tasks have drained, so idle conversations hold no memory', async () => {
    const mutex = new KeyedMutex();
    const runs = Array.from({ length: 1000 }, (_, i) => mutex.run(`web:${i % 100}`, async () => i));
    expect(mutex.busyKeys).to.equal(100);
    expect(mutex.isBusy('web:7')).to.equal(true);
    await Promise.allSettled([...runs, mutex.run('web:0', async () => Promise.reject(new Error('x')))]);
    await sleep(0);
    expect(mutex.busyKeys).to.equal(0);
    expect(mutex.isBusy('web:7')).to.equal(false);
  });

  it('keeps a key busy while a task queued after a drained one runs', async () => {
    const mutex = new KeyedMutex();
    await mutex.run('k', async () => 1);
    let release!: () => void;
    const held = mutex.run('k', () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(0);
    expect(mutex.isBusy('k')).to.equal(true);
    release();
    await held;
    await sleep(0);
    expect(mutex.isBusy('k')).to.equal(false);
  });

  describe('with the store', () => {
    /** A turn as the dialogue manager runs it: load, think (await), save with the loaded version. */
    const turn = (store: ReturnType<typeof createSqliteConversationStore>, text: string) => async () => {
      const loaded = store.load(TELEGRAM_GUEST);
      await sleep(1);
      const turnNumber = (loaded?.state.turn ?? 0) + 1;
      return store.saveTurn(TELEGRAM_GUEST, loaded?.version ?? null, stateWith({ turn: turnNumber }), [{ direction: 'in', text }]);
    };

    it('lets 20 messages of one guest arriving together become 20 turns in arrival order', async () => {
      const store = createSqliteConversationStore(new Database(':memory:'));
      const mutex = new KeyedMutex();
      await Promise.all(Array.from({ length: 20 }, (_, i) => mutex.run('telegram:5550001', turn(store, `сообщение ${i}`))));
      expect(store.load(TELEGRAM_GUEST)!.state.turn).to.equal(20);
      expect(store.messages('telegram:5550001').map((m) => m.text)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `сообщение ${i}`));
    });

    it('without it, the version check refuses the turns that raced', async () => {
      const store = createSqliteConversationStore(new Database(':memory:'));
      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => turn(store, `сообщение ${i}`)()));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.length(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).to.be.instanceOf(ConcurrentUpdateError);
    });
  });
});

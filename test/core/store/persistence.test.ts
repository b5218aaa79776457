import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { createSqliteConversationStore, openDatabase } from '../../../core/store';
import { bookingMachine, frozenClock, stateWith, tempDatabase, TELEGRAM_GUEST } from './fixtures';

/** A JSON copy, so snapshots compare without the `undefined` fields an in-memory snapshot carries. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('conversation persistence across restarts', () => {
  let file: ReturnType<typeof tempDatabase>;
  beforeEach(() => (file = tempDatabase()));
  afterEach(() => file.remove());

  it('restores an XState flow from a new store on the same file and continues as if never stopped', () => {
    // Without a restart: service, then branch.
    const uninterrupted = createActor(bookingMachine).start();
    uninterrupted.send({ type: 'SERVICE', service: 'manicure' });
    uninterrupted.send({ type: 'BRANCH', branch: 'arbat' });

    // With one: service, save, close the database; a new process opens it, restores, then branch.
    const before = createActor(bookingMachine).start();
    before.send({ type: 'SERVICE', service: 'manicure' });
    const firstDb = openDatabase(file.path);
    createSqliteConversationStore(firstDb, { clock: frozenClock().now }).saveTurn(
      TELEGRAM_GUEST,
      null,
      stateWith({ stack: [{ flow: 'booking', snapshot: before.getPersistedSnapshot() }], turn: 1 }),
      [{ direction: 'in', text: 'хочу на маникюр' }],
    );
    before.stop();
    firstDb.close();

    const restartedDb = openDatabase(file.path);
    const loaded = createSqliteConversationStore(restartedDb, { clock: frozenClock().now }).load(TELEGRAM_GUEST)!;
    const [frame] = loaded.state.stack;
    expect(frame.flow).to.equal('booking');
    const restored = createActor(bookingMachine, { snapshot: frame.snapshot as never }).start();
    expect(restored.getSnapshot().value).to.equal('collect_branch');
    restored.send({ type: 'BRANCH', branch: 'arbat' });

    expect(restored.getSnapshot().value).to.deep.equal({ confirm: 'asking' });
    expect(restored.getSnapshot().context).to.deep.equal({ asked: 2, service: 'manicure', branch: 'arbat' });
    expect(plain(restored.getPersistedSnapshot())).to.deep.equal(plain(uninterrupted.getPersistedSnapshot()));
    restored.send({ type: 'CONFIRM' });
    expect(restored.getSnapshot().status).to.equal('done');
    restartedDb.close();
  });

  it('continues from the last whole turn after the process is killed inside a turn', () => {
    const worker = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), join(__dirname, 'crash-worker.ts'), file.path], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(worker.signal, worker.stderr).to.equal('SIGKILL');
    expect(worker.stdout).to.not.include('still alive');

    const db = openDatabase(file.path);
    const store = createSqliteConversationStore(db);
    const conversation = store.load(TELEGRAM_GUEST)!;
    expect(conversation.version).to.equal(1);
    expect(conversation.state.turn).to.equal(1);
    expect(store.messages(conversation.id).map((m) => m.text)).to.deep.equal(['хочу на маникюр', 'В какой салон?']);
    expect(store.turns(conversation.id)).to.have.length(1);

    // The guest repeats the branch and the booking goes on where it was.
    const actor = createActor(bookingMachine, { snapshot: conversation.state.stack[0].snapshot as never }).start();
    actor.send({ type: 'BRANCH', branch: 'arbat' });
    expect(actor.getSnapshot().value).to.deep.equal({ confirm: 'asking' });
    const next = store.saveTurn(TELEGRAM_GUEST, conversation.version, stateWith({ stack: [{ flow: 'booking', snapshot: actor.getPersistedSnapshot() }], turn: 2 }), [
      { direction: 'in', text: 'на арбате' },
    ]);
    expect(next.version).to.equal(2);
    db.close();
  });
});

/**
 * A process that is killed in the middle of a conversation: it saves turn 1 of a booking (the XState
 * snapshot after the service is known), then dies by SIGKILL inside turn 2's transaction, after the
 * conversation row is updated but before the messages are in. Run by persistence.test.ts:
 * `node --require tsx/cjs crash-worker.ts <database file>`.
 */
import { createActor } from 'xstate';
import { createSqliteConversationStore, openDatabase } from '../../../core/store';
import { bookingMachine, frozenClock, stateWith, TELEGRAM_GUEST } from './fixtures';

const db = openDatabase(process.argv[2]);
const store = createSqliteConversationStore(db, { clock: frozenClock().now });

const actor = createActor(bookingMachine).start();
actor.send({ type: 'SERVICE', service: 'manicure' });
const afterTurn1 = stateWith({ stack: [{ flow: 'booking', snapshot: actor.getPersistedSnapshot() }], turn: 1 });
store.saveTurn(TELEGRAM_GUEST, null, afterTurn1, [
  { direction: 'in', text: 'хочу на маникюр' },
  { direction: 'out', text: 'В какой салон?', response: 'ask_branch' },
]);

// Turn 2 dies half-way: a connection-local trigger kills the process on the first message insert.
db.function('die', () => {
  process.kill(process.pid, 'SIGKILL');
  return null;
});
db.exec('CREATE TEMP TRIGGER die_mid_turn BEFORE INSERT ON conv_messages BEGIN SELECT die(); END');
actor.send({ type: 'BRANCH', branch: 'arbat' });
const afterTurn2 = stateWith({ stack: [{ flow: 'booking', snapshot: actor.getPersistedSnapshot() }], turn: 2 });
store.saveTurn(TELEGRAM_GUEST, 1, afterTurn2, [{ direction: 'in', text: 'на арбате' }]);
console.log('still alive'); // never reached

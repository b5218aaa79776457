/**
 * A process killed between a CRM write and the commit of the turn that made it. It answers a
 * scenario's first messages, then arms a connection-local trigger that SIGKILLs the process on the
 * turn's first message insert (the CRM's own transaction has committed by then) and receives the
 * writing message. Run by crm-write-crash.test.ts:
 * `node --require tsx/cjs crm-write-crash-worker.ts <database file> <kind> <run>`.
 */
import { join } from 'node:path';
import { createAssistant, loadContent } from '../../../app/assistant';
import { DeliveryService } from '../../../core/delivery';
import { CONTENT_DIR, shippedNlu } from '../../support/content';
import { recordingSender } from './fakes';
import { ANNA_PHONE, scenario, type CrmWriteScenario } from './crm-write-scenarios';

const [database, kind, run] = process.argv.slice(2);
const clock = () => new Date('2026-11-24T09:00:00.000Z');

async function main(): Promise<void> {
  const { before, writing, asAnna } = scenario(kind as CrmWriteScenario['kind'], Number(run));
  const content = loadContent({ contentDir: CONTENT_DIR });
  const assistant = createAssistant({ contentDir: CONTENT_DIR, flowsDir: join(CONTENT_DIR, '..', 'flows'), database, clock, nlu: await shippedNlu(), content });
  const delivery = new DeliveryService({ db: assistant.db, engine: assistant.engine, store: assistant.store, senders: { web: recordingSender() }, clock });
  const user = `guest-${run}`;
  if (asAnna) await assistant.crm.linkClientUser((await assistant.crm.findClientByPhone(ANNA_PHONE))!.id, 'web', user);
  for (const [i, text] of before.entries()) await delivery.receive({ channel: 'web', userId: user, text, messageId: `m${i}` }).turn;
  await delivery.idle();

  assistant.db.function('die', () => {
    process.kill(process.pid, 'SIGKILL');
    return null;
  });
  assistant.db.exec('CREATE TEMP TRIGGER die_after_crm_write BEFORE INSERT ON conv_messages BEGIN SELECT die(); END');
  await delivery.receive({ channel: 'web', userId: user, text: writing, messageId: `m${before.length}` }).turn;
  console.log('still alive'); // never reached: the turn's commit kills the process
}

void main();

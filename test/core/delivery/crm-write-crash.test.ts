/**
 * Exactly-once CRM writes across a crash: a process is SIGKILLed after a CRM write committed and
 * before the turn that made it did (see crm-write-crash-worker.ts). The next process replays the
 * message with the same idempotency keys: the CRM returns the first write instead of writing again, and
 * the guest is told about it. Over every kind of write, repeatedly: no orphan (a write the guest was
 * never told about) and no double (a second booking, a second ticket, a service added twice).
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAssistant, loadContent, type Assistant } from '../../../app/assistant';
import type { Booking } from '../../../crm';
import type { DemoCrmFixtures } from '../../../crm/demo/fixtures';
import { DeliveryService } from '../../../core/delivery';
import { CONTENT_DIR, shippedNlu } from '../../support/content';
import { removeTempDir } from '../../support/temp';
import { recordingSender } from './fakes';
import { ANNA_PHONE, guestPhone, scenario, type CrmWriteScenario } from './crm-write-scenarios';

const WORKER = join(__dirname, 'crm-write-crash-worker.ts');
const clock = () => new Date('2026-11-24T09:00:00.000Z');
const KINDS: CrmWriteScenario['kind'][] = ['create', 'move', 'cancel', 'upsell', 'ticket'];
const RUNS_PER_KIND = 4;

/** Runs the worker to its death; resolves with the signal that ended it. */
function killedWorker(database: string, kind: string, run: number): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', WORKER, database, kind, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (_code, signal) => resolve({ signal, output }));
  });
}

/** What the CRM holds of one run's guest: her bookings (a new guest's, or Анна's) and tickets. */
async function crmOf(assistant: Assistant, s: CrmWriteScenario, run: number): Promise<{ bookings: Booking[]; tickets: number }> {
  const phone = s.asAnna ? ANNA_PHONE : guestPhone(run);
  const bookings = (await assistant.crm.listBookings()).filter((b) => b.phone === phone && b.start > '2026-11-24');
  const tickets = (await (assistant.crm as unknown as DemoCrmFixtures).listTickets()).filter((t) => t.phone === phone).length;
  return { bookings, tickets };
}

/** The write the killed turn made is in the CRM (so the kill came after it). */
function writeDone(s: CrmWriteScenario, crm: { bookings: Booking[]; tickets: number }, annaBefore: Booking): boolean {
  switch (s.kind) {
    case 'create': return crm.bookings.length === 1;
    case 'upsell': return crm.bookings.length === 1 && crm.bookings[0].services.length === 2;
    case 'move': return crm.bookings.some((b) => b.id === annaBefore.id && b.start !== annaBefore.start);
    case 'cancel': return crm.bookings.some((b) => b.id === annaBefore.id && b.status === 'cancelled');
    case 'ticket': return crm.tickets === 1;
  }
}

describe('CRM writes across a crash between the write and the turn\'s commit', function () {
  this.timeout(600_000);

  it(`write once and tell the guest: ${KINDS.length * RUNS_PER_KIND} kills over create, move, cancel, upsell and ticket`, async () => {
    const nlu = await shippedNlu();
    const content = loadContent({ contentDir: CONTENT_DIR });
    const dir = mkdtempSync(join(tmpdir(), 'coco-crm-crash-'));
    const runs = KINDS.flatMap((kind) => Array.from({ length: RUNS_PER_KIND }, (_, i) => ({ kind, run: KINDS.indexOf(kind) * RUNS_PER_KIND + i })));
    const tally = { kills: 0, orphans: 0, doubles: 0 };
    // Анна's upcoming booking as seeded (the demo CRM seeds the same salon on the same clock).
    const pristine = createAssistant({ contentDir: CONTENT_DIR, flowsDir: join(CONTENT_DIR, '..', 'flows'), database: ':memory:', clock, nlu, content });
    const [annaBefore] = await pristine.crm.upcomingBookings((await pristine.crm.findClientByPhone(ANNA_PHONE))!.id);
    pristine.close();
    try {
      // Two workers at a time, each on its own database file.
      const results = [];
      for (let i = 0; i < runs.length; i += 2) {
        results.push(...(await Promise.all(runs.slice(i, i + 2).map(async ({ kind, run }) => {
          const database = join(dir, `run-${run}.db`);
          return { kind, run, database, ...(await killedWorker(database, kind, run)) };
        }))));
      }
      for (const { kind, run, database, signal, output } of results) {
        expect(signal, `run ${run} (${kind}) was not killed:\n${output}`).to.equal('SIGKILL');
        tally.kills++;
        const s = scenario(kind, run);
        const assistant = createAssistant({ contentDir: CONTENT_DIR, flowsDir: join(CONTENT_DIR, '..', 'flows'), database, clock, nlu, content });
        try {
          const crashed = await crmOf(assistant, s, run);
          expect(writeDone(s, crashed, annaBefore), `run ${run} (${kind}): the write committed before the kill`).to.equal(true);

          const sender = recordingSender();
          const delivery = new DeliveryService({ db: assistant.db, engine: assistant.engine, store: assistant.store, senders: { web: sender }, clock });
          await delivery.start();
          await delivery.idle();
          delivery.stop();

          const after = await crmOf(assistant, s, run);
          const told = sender.sent.some((m) => m.reply.response === s.told);
          if (!told) tally.orphans++;
          const doubled = kind === 'ticket' ? after.tickets !== 1
            : kind === 'upsell' ? after.bookings.length !== 1 || after.bookings[0].services.length !== 2
              : after.bookings.filter((b) => b.status === 'booked').length !== (kind === 'cancel' ? 0 : 1);
          if (doubled) tally.doubles++;
          expect({ told, doubled }, `run ${run} (${kind}): sent ${JSON.stringify(sender.sent.map((m) => m.reply.response))}, bookings ${JSON.stringify(after.bookings.map((b) => [b.id, b.status, b.start, b.services]))}`)
            .to.deep.equal({ told: true, doubled: false });
        } finally {
          assistant.close();
        }
      }
      expect(tally).to.deep.equal({ kills: runs.length, orphans: 0, doubles: 0 });
    } finally {
      removeTempDir(dir);
    }
  });
});

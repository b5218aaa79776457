import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAssistant, loadContent, type Assistant, type AssistantContent } from '../../../app/assistant';
import { DeliveryService, type TurnHandler } from '../../../core/delivery';
import type { Nlu } from '../../../nlu';
import { CONTENT_DIR, shippedNlu } from '../../support/content';
import { recordingSender } from './fakes';
import { removeTempDir } from '../../support/temp';

const FLOWS_DIR = join(CONTENT_DIR, '..', 'flows');
const clock = () => new Date('2026-11-24T09:00:00.000Z');
const never = () => new Promise<never>(() => undefined);

describe('DeliveryService across a restart (two processes on one database file)', function () {
  this.timeout(60_000);
  let nlu: Nlu;
  let content: AssistantContent;
  let dir: string;
  let database: string;
  const open: Assistant[] = [];

  before(async () => {
    nlu = await shippedNlu();
    content = loadContent({ contentDir: CONTENT_DIR });
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coco-delivery-'));
    database = join(dir, 'coco.db');
  });
  afterEach(() => {
    for (const assistant of open.splice(0)) assistant.close();
    removeTempDir(dir);
  });

  /** One "process": an assistant on the file, and a delivery service with the given engine and sender. */
  const processOn = (engine: (assistant: Assistant) => TurnHandler, sender = recordingSender(), at = clock) => {
    const assistant = createAssistant({ contentDir: CONTENT_DIR, flowsDir: FLOWS_DIR, database, clock: at, nlu, content });
    open.push(assistant);
    const delivery = new DeliveryService({ db: assistant.db, engine: engine(assistant), store: assistant.store, senders: { web: sender }, clock: at });
    return { assistant, delivery, sender };
  };
  /** Simulates `kill -9`: the service does nothing more and its connection goes away. */
  const kill = (p: ReturnType<typeof processOn>) => {
    p.delivery.stop();
    p.assistant.close();
    open.splice(open.indexOf(p.assistant), 1);
  };
  const texts = ['запишите на маникюр', 'Тверская', 'любой мастер'];

  it('loses no message acknowledged before a crash: the next start processes them in arrival order', async () => {
    const first = processOn(() => ({ handle: never }));
    const receipts = texts.map((text, i) => first.delivery.receive({ channel: 'web', userId: 'guest', text, messageId: `m${i}` }));
    first.delivery.receive({ channel: 'web', userId: 'other', text: 'привет', messageId: 'o1' });
    expect(receipts.every((r) => !r.duplicate)).to.equal(true);
    kill(first);

    const second = processOn((assistant) => assistant.engine);
    await second.delivery.start();
    await second.delivery.idle();
    const log = second.assistant.store.messages('web:guest').filter((m) => m.direction === 'in');
    expect(log.map((m) => m.text)).to.deep.equal(texts);
    expect(second.assistant.store.messages('web:other').filter((m) => m.direction === 'in')).to.have.length(1);
    const ids = second.sender.sent.map((m) => m.deliveryId);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(second.assistant.db.prepare(`SELECT COUNT(*) AS n FROM dlv_outbox WHERE status != 'sent'`).get()).to.deep.equal({ n: 0 });
  });

  it('sends no reply twice: a restart sends only what the crashed process had not sent', async () => {
    let budget = 1;
    const flaky = recordingSender(() => (budget-- > 0 ? undefined : new Error('ECONNREFUSED')));
    const first = processOn((assistant) => assistant.engine, flaky);
    for (const [i, text] of texts.entries()) await first.delivery.receive({ channel: 'web', userId: 'guest', text, messageId: `m${i}` }).turn;
    await first.delivery.idle();
    expect(flaky.sent).to.have.length(1);
    kill(first);

    // An hour later: the failed replies' backoff has run out.
    const second = processOn((assistant) => assistant.engine, recordingSender(), () => new Date('2026-11-24T10:00:00.000Z'));
    await second.delivery.start();
    await second.delivery.idle();
    const all = [...flaky.sent, ...second.sender.sent];
    const outbox = second.assistant.db.prepare<[], { id: number; reply: string }>('SELECT id, reply FROM dlv_outbox ORDER BY id').all();
    expect(all.map((m) => m.deliveryId)).to.deep.equal(outbox.map((r) => r.id));
    expect(all.map((m) => m.reply.text)).to.deep.equal(outbox.map((r) => JSON.parse(r.reply).text));
    // The turns themselves ran once each: the redelivery after the restart is not a new turn.
    expect(second.assistant.store.turns('web:guest')).to.have.length(texts.length);
  });

  it('does not run a turn again when the process died after the engine saved it but before its replies were queued', async () => {
    const first = processOn((assistant) => ({ handle: async (m) => (await assistant.engine.handle(m), never()) }));
    const receipt = first.delivery.receive({ channel: 'web', userId: 'guest', text: 'запишите на маникюр', messageId: 'm0' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first.assistant.store.turns('web:guest')).to.have.length(1);
    kill(first);
    void receipt;

    const second = processOn((assistant) => assistant.engine);
    await second.delivery.start();
    await second.delivery.idle();
    expect(second.assistant.store.turns('web:guest')).to.have.length(1);
    const logged = second.assistant.store.messages('web:guest').filter((m) => m.direction === 'out').map((m) => m.text);
    expect(second.sender.sent.map((m) => m.reply.text)).to.deep.equal(logged);
    expect(logged.length).to.be.greaterThan(0);
  });
});

import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryPayloadTable } from '../../../connectors/messaging';
import { renderWhatsAppReply, signatureOf } from '../../../connectors/whatsapp';
import type { Reply } from '../../../common';
import { startFakeGraphApi, type FakeGraphApi } from '../../connectors/whatsapp/fake-graph-api';
import { TEXT_WEBHOOK } from '../../connectors/whatsapp/payloads';
import { conversationLogId } from '../../../app/log';
import { collectingLogger } from '../../support/log-lines';
import { removeTempDir } from '../../support/temp';
import { startTestServer, until, type TestServer } from './test-server';

const APP_SECRET = 'whatsapp-app-secret';
const GUEST = '79991234567';
const never = () => new Promise<never>(() => undefined);

/** A webhook body with one text message of the guest. */
function textWebhook(id: string, text: string): object {
  const body = structuredClone(TEXT_WEBHOOK) as any;
  Object.assign(body.entry[0].changes[0].value.messages[0], { id, text: { body: text } });
  return body;
}

/** What a request to the send API says: the text, or the body of an interactive message. */
function textOf(body: any): string {
  return body.text?.body ?? body.interactive?.body?.text ?? `template:${body.template?.name}`;
}

describe('coco serve with WhatsApp (Cloud API webhook and a fake Graph API)', function () {
  this.timeout(30_000);
  let graph: FakeGraphApi;
  let server: TestServer | undefined;
  const env = () => ({
    WHATSAPP_ACCESS_TOKEN: 'EAAG-test-token',
    WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'coco-verify',
    WHATSAPP_API_URL: graph.baseUrl,
  });

  beforeEach(async () => {
    graph = await startFakeGraphApi();
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await graph.close();
  });

  const post = (body: object, sign: (raw: string) => string = (raw) => signatureOf(raw, APP_SECRET)) => {
    const raw = JSON.stringify(body);
    return fetch(`${server!.url}/whatsapp/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
  };

  describe('one server', () => {
    beforeEach(async () => {
      server = await startTestServer({ env: env() });
    });

    it('answers the verification handshake with the challenge, and refuses a wrong verify token', async () => {
      const ok = await fetch(`${server!.url}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=coco-verify&hub.challenge=1158201444`);
      expect([ok.status, await ok.text()]).to.deep.equal([200, '1158201444']);
      const wrong = await fetch(`${server!.url}/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`);
      expect(wrong.status).to.equal(403);
    });

    it('answers a guest’s message with the branch choice as reply buttons, sent to the guest with the access token', async () => {
      expect((await post(TEXT_WEBHOOK)).status).to.equal(200);
      await until('the reply', () => graph.requests.length >= 1);
      await server!.delivery.idle();
      const [request] = graph.requests;
      expect(request.path).to.equal('/v21.0/106540352242922/messages');
      expect(request.headers.authorization).to.equal('Bearer EAAG-test-token');
      expect(request.body).to.deep.include({ to: GUEST, type: 'interactive' });
      expect(request.body.interactive.body.text).to.equal('В какой салон вам удобнее? 🌸');
      expect(request.body.interactive.action.buttons.map((b: any) => b.reply.title)).to.deep.equal(['«Тверская»', '«Патриаршие»', '«Сити»']);
    });

    it('refuses a webhook with a bad signature (401) and processes nothing', async () => {
      const response = await post(TEXT_WEBHOOK, (raw) => signatureOf(raw, 'someone-else’s-secret'));
      expect(response.status).to.equal(401);
      expect(server!.assistant.db.prepare('SELECT COUNT(*) AS n FROM dlv_inbox').get()).to.deep.equal({ n: 0 });
    });

    it('stores the good messages of a batch with a malformed one, answers 200, and again 200 when Meta redelivers it', async () => {
      const body = structuredClone(TEXT_WEBHOOK) as any;
      const [template] = body.entry[0].changes[0].value.messages;
      body.entry[0].changes[0].value.messages = [
        { ...template, id: 'wamid.GOOD1', text: { body: 'где вы находитесь?' } },
        { ...template, id: 'wamid.BAD', from: '' },
        { ...template, id: 'wamid.WORSE', text: { body: ['не', 'строка'] } },
        { ...template, id: 'wamid.GOOD2', text: { body: 'сколько стоит маникюр?' } },
      ];
      expect((await post(body)).status).to.equal(200);
      expect((await post(body)).status).to.equal(200);
      const stored = server!.assistant.db.prepare<[], { message_id: string }>('SELECT message_id FROM dlv_inbox ORDER BY id').all();
      expect(stored.map((r) => r.message_id)).to.deep.equal(['wamid.GOOD1', 'wamid.GOOD2']);
      await server!.delivery.idle();
    });

    it('keeps in the inbox the number WhatsApp vouches for: "+" and the sender\'s wa_id', async () => {
      expect((await post(TEXT_WEBHOOK)).status).to.equal(200);
      const [row] = server!.assistant.db.prepare<[], { message: string }>('SELECT message FROM dlv_inbox').all();
      expect(JSON.parse(row.message)).to.deep.include({ userId: GUEST, verifiedPhone: '+79991234567' });
      await server!.delivery.idle();
    });

    it('processes a webhook Meta delivers twice once, and replies once', async () => {
      const [one, two] = await Promise.all([post(TEXT_WEBHOOK), post(TEXT_WEBHOOK)]);
      expect([one.status, two.status]).to.deep.equal([200, 200]);
      await server!.delivery.idle();
      await post(TEXT_WEBHOOK);
      await server!.delivery.idle();
      expect(server!.assistant.store.turns(`whatsapp:${GUEST}`)).to.have.length(1);
      expect(graph.requests).to.have.length(1);
    });

    it('answers 20 messages of one guest sent at once one by one, in arrival order, and sends the replies in that order', async () => {
      const texts = Array.from({ length: 20 }, (_, i) => `вопрос номер ${i + 1}: где вы находитесь?`);
      const responses = await Promise.all(texts.map((text, i) => post(textWebhook(`wamid.ORDER${i}`, text))));
      expect(responses.map((r) => r.status)).to.deep.equal(texts.map(() => 200));
      await server!.delivery.idle();
      const db = server!.assistant.db;
      const arrival = db.prepare<[], { message: string }>('SELECT message FROM dlv_inbox ORDER BY id').all().map((r) => JSON.parse(r.message).text);
      expect([...arrival].sort()).to.deep.equal([...texts].sort());
      const log = server!.assistant.store.messages(`whatsapp:${GUEST}`);
      expect(log.filter((m) => m.direction === 'in').map((m) => m.text)).to.deep.equal(arrival);
      const turnOrder = log.map((m) => m.turn);
      expect(turnOrder).to.deep.equal([...turnOrder].sort((a, b) => a - b));
      // What reached WhatsApp is the outbox in delivery-id order, each reply rendered in full.
      const outbox = db.prepare<[], { reply: string; inbox_id: number }>(`SELECT reply, inbox_id FROM dlv_outbox ORDER BY id`).all();
      const inboxOrder = outbox.map((r) => r.inbox_id);
      expect(inboxOrder).to.deep.equal([...inboxOrder].sort((a, b) => a - b));
      const payloads = new MemoryPayloadTable();
      const expected = outbox.flatMap((r) => renderWhatsAppReply(JSON.parse(r.reply) as Reply, { payloads }).map(textOf));
      expect(graph.requests.map((r) => textOf(r.body))).to.deep.equal(expected);
    });
  });

  describe('logs', () => {
    it('name a foreign guest\'s conversation by its hash: her number is on no line', async () => {
      const logs = collectingLogger('debug');
      server = await startTestServer({ env: env(), log: logs.log });
      const body = structuredClone(TEXT_WEBHOOK) as any;
      body.entry[0].changes[0].value.contacts[0].wa_id = '4915123456789';
      Object.assign(body.entry[0].changes[0].value.messages[0], { from: '4915123456789', text: { body: 'hallo, wo sind Sie?' } });
      expect((await post(body)).status).to.equal(200);
      expect((await post(body)).status).to.equal(200);
      await server.delivery.idle();
      const duplicate = logs.events('delivery.inbox.duplicate');
      expect(duplicate).to.have.length(1);
      expect(duplicate[0].conversation).to.equal(conversationLogId('whatsapp:4915123456789'));
      expect(logs.lines.join('\n')).not.to.include('4915123456789');
    });
  });

  describe('across a restart', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'coco-whatsapp-'));
    });
    afterEach(() => removeTempDir(dir));

    it('loses no message acknowledged before the process died, and sends no reply twice', async () => {
      const database = join(dir, 'coco.db');
      // The first process acknowledges the webhooks and dies before any turn finishes.
      const first = await startTestServer({ database, env: env(), engine: () => ({ handle: never }) });
      server = first;
      for (const [i, text] of ['запишите на маникюр', 'где вы находитесь?'].entries()) expect((await post(textWebhook(`wamid.CRASH${i}`, text))).status).to.equal(200);
      await first.kill();
      expect(graph.requests).to.have.length(0);

      const second = await startTestServer({ database, env: env() });
      server = second;
      await second.delivery.idle();
      const inbound = second.assistant.store.messages(`whatsapp:${GUEST}`).filter((m) => m.direction === 'in');
      expect(inbound.map((m) => m.text)).to.deep.equal(['запишите на маникюр', 'где вы находитесь?']);
      const sent = graph.requests.length;
      expect(sent).to.be.greaterThan(1);
      await second.stop();

      // A third start finds nothing left to do.
      server = await startTestServer({ database, env: env() });
      await server.delivery.idle();
      expect(graph.requests).to.have.length(sent);
      expect(server.assistant.db.prepare(`SELECT COUNT(*) AS n FROM dlv_outbox WHERE status != 'sent'`).get()).to.deep.equal({ n: 0 });
    });
  });
});

import { expect } from 'chai';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createWhatsAppWebhook, D360_SIGNATURE_HEADER, signatureOf, type WhatsAppInboundMessage } from '../../../connectors/whatsapp';
import { InvalidInboundError } from '../../../core/delivery';
import { collectingLogger } from '../../support/log-lines';
import { BUTTON_REPLY_WEBHOOK, STATUS_WEBHOOK, TEXT_WEBHOOK } from './payloads';

const APP_SECRET = 'whatsapp-app-secret';

describe('createWhatsAppWebhook (express over 127.0.0.1)', () => {
  let server: Server;
  let url: string;
  let received: WhatsAppInboundMessage[];
  let failing: boolean;

  beforeEach(async () => {
    received = [];
    failing = false;
    const webhook = createWhatsAppWebhook({
      verifyToken: 'coco-verify',
      appSecret: APP_SECRET,
      onMessage: (message) => {
        if (failing) throw new Error('inbox unavailable');
        received.push(message);
      },
    });
    const app = express();
    app.get('/whatsapp/webhook', webhook.verify);
    app.post('/whatsapp/webhook', express.raw({ type: '*/*' }), webhook.receive);
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp/webhook`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function post(body: unknown, sign: (raw: string) => string | undefined = (raw) => signatureOf(raw, APP_SECRET)): Promise<Response> {
    const raw = JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const signature = sign(raw);
    if (signature) headers['x-hub-signature-256'] = signature;
    return fetch(url, { method: 'POST', headers, body: raw });
  }

  it('answers the verification handshake with the challenge', async () => {
    const ok = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=coco-verify&hub.challenge=1158201444`);
    expect(ok.status).to.equal(200);
    expect(await ok.text()).to.equal('1158201444');
    const wrong = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444`);
    expect(wrong.status).to.equal(403);
  });

  it('takes a signed webhook and hands its messages to onMessage', async () => {
    expect((await post(TEXT_WEBHOOK)).status).to.equal(200);
    expect((await post(BUTTON_REPLY_WEBHOOK)).status).to.equal(200);
    expect(received.map((m) => m.text ?? m.payload)).to.deep.equal(['запишите плз на ноготочки в пт после 6', 'Да, записать']);
    expect(received[1].payload).to.equal('/slot confirmed=true');
  });

  it('rejects a webhook with a bad or missing signature, before reading it', async () => {
    expect((await post(TEXT_WEBHOOK, (raw) => signatureOf(raw, 'another-secret'))).status).to.equal(401);
    expect((await post(TEXT_WEBHOOK, () => undefined)).status).to.equal(401);
    expect((await post(TEXT_WEBHOOK, (raw) => signatureOf(raw + ' ', APP_SECRET))).status).to.equal(401);
    expect(received).to.have.length(0);
  });

  it('acknowledges a status callback without a message', async () => {
    expect((await post(STATUS_WEBHOOK)).status).to.equal(200);
    expect(received).to.have.length(0);
  });

  it('answers 500 when a message could not be taken, so Meta redelivers it', async () => {
    failing = true;
    expect((await post(TEXT_WEBHOOK)).status).to.equal(500);
  });
});

describe('createWhatsAppWebhook with 360dialog signatures', () => {
  it('takes a body signed in x-360dialog-signature with the platform secret, and refuses Meta\'s header or a wrong key', async () => {
    const received: WhatsAppInboundMessage[] = [];
    const webhook = createWhatsAppWebhook({ verifyToken: '', appSecret: 'platform-secret', signatureHeader: D360_SIGNATURE_HEADER, onMessage: (m) => void received.push(m) });
    const app = express();
    app.post('/whatsapp/webhook', express.raw({ type: '*/*' }), webhook.receive);
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp/webhook`;
    const raw = JSON.stringify(TEXT_WEBHOOK);
    const hex = (secret: string) => signatureOf(raw, secret).slice('sha256='.length);
    const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
    try {
      expect((await post({ 'x-360dialog-signature': hex('platform-secret') })).status).to.equal(200);
      expect((await post({ 'x-hub-signature-256': signatureOf(raw, 'platform-secret') })).status).to.equal(401);
      expect((await post({ 'x-360dialog-signature': hex('another-secret') })).status).to.equal(401);
      expect(received).to.have.length(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('createWhatsAppWebhook with malformed messages in a batch', () => {
  let server: Server;
  let url: string;
  let received: WhatsAppInboundMessage[];
  let logs: ReturnType<typeof collectingLogger>;
  let refuse: (message: WhatsAppInboundMessage) => boolean;

  beforeEach(async () => {
    received = [];
    logs = collectingLogger();
    refuse = () => false;
    const webhook = createWhatsAppWebhook({
      verifyToken: '',
      appSecret: APP_SECRET,
      logger: logs.log,
      onMessage: (message) => {
        if (refuse(message)) throw new InvalidInboundError('an inbound message needs a channel and a user id');
        received.push(message);
      },
    });
    const app = express();
    app.post('/whatsapp/webhook', express.raw({ type: '*/*' }), webhook.receive);
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp/webhook`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Three texts of one guest; `spoil` changes the middle one. */
  function batch(spoil: (message: any) => void): object {
    const body = structuredClone(TEXT_WEBHOOK) as any;
    const [template] = body.entry[0].changes[0].value.messages;
    body.entry[0].changes[0].value.messages = ['первое', 'мой номер 8 999 123-45-67', 'третье'].map((text, i) => ({ ...structuredClone(template), id: `wamid.BATCH${i}`, text: { body: text } }));
    spoil(body.entry[0].changes[0].value.messages[1]);
    return body;
  }

  const post = (body: object) => {
    const raw = JSON.stringify(body);
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureOf(raw, APP_SECRET) }, body: raw });
  };

  it('takes the good messages after a malformed one, answers 200, and warns about the one it skipped', async () => {
    const response = await post(batch((m) => (m.text = 'мой номер 8 999 123-45-67')));
    expect(response.status).to.equal(200);
    expect(received.map((m) => m.messageId)).to.deep.equal(['wamid.BATCH0', 'wamid.BATCH2']);
    const [warning] = logs.events('whatsapp.webhook.skipped');
    expect(warning).to.deep.include({ level: 'warn', messageId: 'wamid.BATCH1' });
    expect(warning.reason).to.match(/"text\.body"/);
  });

  it('skips a message the inbox refuses for what it is, and takes the next', async () => {
    refuse = (message) => message.messageId === 'wamid.BATCH1';
    expect((await post(batch(() => undefined))).status).to.equal(200);
    expect(received.map((m) => m.messageId)).to.deep.equal(['wamid.BATCH0', 'wamid.BATCH2']);
    expect(logs.events('whatsapp.webhook.skipped').map((e) => e.messageId)).to.deep.equal(['wamid.BATCH1']);
  });

  it('never writes what the skipped message said into the log', async () => {
    await post(batch((m) => (m.type = 'text?')));
    await post(batch((m) => (m.from = 79991234567)));
    expect(logs.lines.join('')).not.to.match(/1234567|123-45-67/);
  });
});

import { expect } from 'chai';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createWhatsAppWebhook, D360_SIGNATURE_HEADER, signatureOf, type WhatsAppInboundMessage } from '../../../connectors/whatsapp';
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

import { expect } from 'chai';
import http from 'node:http';
import { startFakeBotApi, type FakeBotApi } from '../../connectors/telegram/fake-bot-api';
import { startTestServer, type TestServer } from './test-server';

/**
 * Sends a POST's headers announcing a body of `length` bytes, then nothing more: a server reading the
 * body before its check would never answer. Resolves with the status, or 'no answer' after 2 s.
 */
function headersOnly(url: string, headers: Record<string, string>, length: number): Promise<number | 'no answer'> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(length), ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
    req.flushHeaders();
    setTimeout(() => {
      resolve('no answer');
      req.destroy();
    }, 2000).unref();
  });
}

describe('messenger webhooks are checked before their bodies are read', function () {
  this.timeout(30_000);
  let api: FakeBotApi;
  let server: TestServer;
  before(async () => {
    api = await startFakeBotApi();
    server = await startTestServer({
      env: {
        TELEGRAM_BOT_TOKEN: '123456:TEST-token', TELEGRAM_API_URL: api.baseApiUrl, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 'coco-webhook-secret',
        WHATSAPP_ACCESS_TOKEN: 'EAAG-test-token', WHATSAPP_PHONE_NUMBER_ID: '106540352242922', WHATSAPP_APP_SECRET: 'app-secret', WHATSAPP_VERIFY_TOKEN: 'coco-verify', WHATSAPP_API_URL: api.baseApiUrl,
      },
    });
  });
  after(async () => {
    await api.close();
    await server.stop();
  });

  it('refuses a Telegram update with a wrong secret at once, without waiting for its body', async () => {
    expect(await headersOnly(`${server.url}/telegram/webhook`, { 'x-telegram-bot-api-secret-token': 'wrong' }, 100_000)).to.equal(401);
    expect(await headersOnly(`${server.url}/telegram/webhook`, {}, 100_000)).to.equal(401);
  });

  it('refuses a Telegram update over 256 KB even with the right secret', async () => {
    expect(await headersOnly(`${server.url}/telegram/webhook`, { 'x-telegram-bot-api-secret-token': 'coco-webhook-secret' }, 300_000)).to.equal(413);
  });

  it('refuses a WhatsApp webhook without a signature header at once, without waiting for its body', async () => {
    expect(await headersOnly(`${server.url}/whatsapp/webhook`, {}, 100_000)).to.equal(401);
    expect(await headersOnly(`${server.url}/whatsapp/webhook`, { 'x-hub-signature-256': 'sha256=not-hex' }, 100_000)).to.equal(401);
  });

  it('refuses a WhatsApp webhook over 1 MB before reading it', async () => {
    expect(await headersOnly(`${server.url}/whatsapp/webhook`, { 'x-hub-signature-256': `sha256=${'a'.repeat(64)}` }, 2_000_000)).to.equal(413);
  });
});

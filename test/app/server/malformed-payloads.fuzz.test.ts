import { expect } from 'chai';
import { signatureOf } from '../../../connectors/whatsapp';
import type { TurnResult } from '../../../core/dialogue/types';
import { startFakeBotApi, textUpdate, callbackUpdate, type FakeBotApi } from '../../connectors/telegram/fake-bot-api';
import { startFakeGraphApi, type FakeGraphApi } from '../../connectors/whatsapp/fake-graph-api';
import { BUTTON_REPLY_WEBHOOK, IMAGE_WEBHOOK, LIST_REPLY_WEBHOOK, TEXT_WEBHOOK } from '../../connectors/whatsapp/payloads';
import { mutate, seededRandom } from '../../support/mutate';
import { startTestServer, type TestServer } from './test-server';

const APP_SECRET = 'whatsapp-app-secret';
const TELEGRAM_SECRET = 'coco-webhook-secret';
const SEED = 20261124;
const ROUNDS = 150;

/** A turn that answers nothing: the fuzz is about what reaches the inbox, not the dialogue. */
const quietEngine = () => ({
  handle: async (message: { channel: string; userId: string }): Promise<TurnResult> => ({
    conversationId: `${message.channel}:${message.userId}`, replies: [], intent: null, confidence: 0, entities: [], ranking: [],
    flow: null, awaiting: null, slots: {}, handedOver: false, events: [],
  }),
});

/** Valid WhatsApp messages of each kind the connector reads. */
const WHATSAPP_MESSAGES = [TEXT_WEBHOOK, BUTTON_REPLY_WEBHOOK, LIST_REPLY_WEBHOOK, IMAGE_WEBHOOK].map((body: any) => body.entry[0].changes[0].value.messages[0]);

/** Valid Telegram updates of each kind the connector reads (`n` keeps their ids unique). */
function telegramUpdates(n: number): object[] {
  return [
    textUpdate(42, n, 'запишите на маникюр'),
    callbackUpdate(42, `cbq-${n}`, '/slot branch=tverskaya', '«Тверская»'),
    { message: { message_id: n, date: 1764255600, chat: { id: 42, type: 'private' }, from: { id: 42, is_bot: false, first_name: 'Анна' }, contact: { phone_number: '79991234567', first_name: 'Анна', user_id: 42 } } },
    { message: { message_id: n, date: 1764255600, chat: { id: 42, type: 'private' }, caption: 'вот скол', photo: [{ file_id: 'small', file_unique_id: 's', width: 90, height: 90 }, { file_id: 'large', file_unique_id: 'l', width: 1280, height: 1280 }] } },
  ];
}

describe('malformed channel payloads, fuzzed (seeded mutations of valid WhatsApp and Telegram payloads)', function () {
  this.timeout(60_000);
  let graph: FakeGraphApi;
  let bot: FakeBotApi;
  let server: TestServer;

  beforeEach(async () => {
    [graph, bot] = await Promise.all([startFakeGraphApi(), startFakeBotApi()]);
    server = await startTestServer({
      engine: quietEngine,
      env: {
        WHATSAPP_ACCESS_TOKEN: 'EAAG-test-token', WHATSAPP_PHONE_NUMBER_ID: '106540352242922', WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_VERIFY_TOKEN: 'coco-verify', WHATSAPP_API_URL: graph.baseUrl,
        TELEGRAM_BOT_TOKEN: '123456:TEST-token', TELEGRAM_API_URL: bot.baseApiUrl, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      },
    });
  });
  afterEach(async () => {
    await bot.close();
    await server?.stop();
    await graph.close();
  });

  const storedIds = () => new Set(server.assistant.db.prepare<[], { message_id: string }>('SELECT message_id FROM dlv_inbox').all().map((r) => r.message_id));

  it('never answers a signed WhatsApp batch with 500, and stores the valid messages around a mutated one', async () => {
    const random = seededRandom(SEED);
    const expected: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const pick = () => structuredClone(WHATSAPP_MESSAGES[Math.floor(random() * WHATSAPP_MESSAGES.length)]);
      const messages = [pick(), pick(), pick()].map((m, i) => ({ ...m, id: `wamid.FUZZ${round}.${i}` }));
      const body = structuredClone(TEXT_WEBHOOK) as any;
      body.entry[0].changes[0].value.messages = messages;
      // Most rounds spoil the middle message only; some spoil anything in the body, the envelope included.
      const anywhere = random() < 0.25;
      const { mutated, changes } = mutate(body, random, anywhere ? [] : ['entry', 0, 'changes', 0, 'value', 'messages', 1]);
      const raw = JSON.stringify(mutated);
      const response = await fetch(`${server.url}/whatsapp/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureOf(raw, APP_SECRET) }, body: raw });
      expect(response.status, `round ${round}: ${changes.join('; ')}`).to.be.oneOf([200, 400]);
      if (!anywhere) expected.push(messages[0].id, messages[2].id);
    }
    const stored = storedIds();
    expect(expected.filter((id) => !stored.has(id))).to.deep.equal([]);
  });

  it('never answers a Telegram update with 500, and stores the valid update sent after each mutated one', async () => {
    const random = seededRandom(SEED + 1);
    const expected: string[] = [];
    const post = (update: object) => fetch(`${server.url}/telegram/webhook`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }, body: JSON.stringify(update),
    });
    for (let round = 0; round < ROUNDS; round++) {
      const kinds = telegramUpdates(1000 + round);
      const { mutated, changes } = mutate({ update_id: 2 * round, ...kinds[Math.floor(random() * kinds.length)] }, random);
      const response = await post(mutated);
      expect(response.status, `round ${round}: ${changes.join('; ')}`).to.be.oneOf([200, 400]);
      const valid = textUpdate(42, 5000 + round, `вопрос ${round}`);
      expect((await post({ update_id: 2 * round + 1, ...valid })).status).to.equal(200);
      expected.push(`42:${5000 + round}`);
    }
    const stored = storedIds();
    expect(expected.filter((id) => !stored.has(id))).to.deep.equal([]);
  });
});

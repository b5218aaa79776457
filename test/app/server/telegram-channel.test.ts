import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callbackUpdate, startFakeBotApi, textUpdate, type FakeBotApi } from '../../connectors/telegram/fake-bot-api';
import { removeTempDir } from '../../support/temp';
import { NOW, startTestServer, until, type TestServer } from './test-server';

const TOKEN = '123456:TEST-token';
const SECRET = 'coco-webhook-secret';

describe('coco serve with Telegram (real node-telegram-bot-api against a fake Bot API)', function () {
  this.timeout(30_000);
  let api: FakeBotApi;
  let server: TestServer | undefined;

  beforeEach(async () => {
    api = await startFakeBotApi();
  });
  afterEach(async () => {
    // The fake first: it ends a held getUpdates at once, so polling stops without waiting out the long poll.
    await api.close();
    await server?.stop();
    server = undefined;
  });

  describe('long polling', () => {
    beforeEach(async () => {
      server = await startTestServer({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_URL: api.baseApiUrl } });
    });

    it('answers a guest who starts booking, and takes the pressed branch button as the next answer', async () => {
      api.pushUpdate(textUpdate(42, 1, 'запишите плз на ноготочки в пт после 6'));
      await until('the branch question', () => api.sentTo(42).length === 1);
      const question = api.sentTo(42)[0].params;
      expect(question.text).to.equal('В какой салон вам удобнее? 🌸');
      const keyboard = question.reply_markup.inline_keyboard.flat() as Array<{ text: string; callback_data: string }>;
      expect(keyboard.map((b) => b.text)).to.deep.equal(['«Тверская»', '«Патриаршие»', '«Сити»']);

      api.pushUpdate(callbackUpdate(42, 'cbq-1', keyboard[0].callback_data, keyboard[0].text));
      await until('the master question', () => api.sentTo(42).length >= 2);
      expect(api.sentTo(42)[1].params.text).to.match(/К какому мастеру/);
      expect(api.callsOf('answerCallbackQuery').map((c) => c.params.callback_query_id)).to.deep.equal(['cbq-1']);
      const inbound = server!.assistant.store.messages('telegram:42').filter((m) => m.direction === 'in');
      expect(inbound.map((m) => m.messageId)).to.deep.equal(['42:1', 'cb:cbq-1']);
    });

    it('keeps in the inbox the number of a contact the guest shared of herself, and none for another\'s contact', async () => {
      const contact = (messageId: number, userId: number) => ({
        message: { message_id: messageId, date: 1764255600, chat: { id: 42, type: 'private' }, from: { id: 42, is_bot: false, first_name: 'Анна' }, contact: { phone_number: '79991234567', first_name: 'Анна', user_id: userId } },
      }) as any;
      api.pushUpdate(contact(1, 42));
      api.pushUpdate(contact(2, 777));
      await until('both contacts in the inbox', () => (server!.assistant.db.prepare('SELECT COUNT(*) AS n FROM dlv_inbox').get() as { n: number }).n === 2);
      const rows = server!.assistant.db.prepare<[], { message: string }>('SELECT message FROM dlv_inbox ORDER BY id').all().map((r) => JSON.parse(r.message));
      expect(rows.map((m) => m.verifiedPhone)).to.deep.equal(['+79991234567', undefined]);
      await server!.delivery.idle();
    });

    it('sends the one-time code for a phone typed in the web chat to the client\'s Telegram chat, and the code typed back identifies her', async () => {
      const anna = await server!.assistant.crm.findClientByPhone('+79990000001');
      await server!.assistant.crm.linkClientUser(anna!.id, 'telegram', '42');
      const post = (messageId: string, text: string) => fetch(`${server!.url}/api/web/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: 'web-session-1', messageId, text }),
      }).then((r) => r.json() as Promise<{ replies: Array<{ text: string }> }>);
      await post('1', 'отмените запись');
      const asked = await post('2', '+79990000001');
      expect(asked.replies.map((r) => r.text).join(' ')).to.match(/отправили код/);
      await until('the code in her Telegram chat', () => api.sentTo(42).length === 1);
      const code = /(\d{6})/.exec(api.sentTo(42)[0].params.text as string)![1];
      expect(asked.replies.map((r) => r.text).join(' ')).to.not.contain(code);
      const wrong = await post('3', code === '000000' ? '111111' : '000000');
      expect(wrong.replies.map((r) => r.text).join(' ')).to.match(/не подходит/);
      const confirmed = await post('4', code);
      expect(confirmed.replies.map((r) => r.text).join(' ')).to.match(/^Отменяем запись: педикюр/);
      expect((await server!.assistant.crm.findClientByUser('web', 'web-session-1'))?.id).to.equal(anna!.id);
      await server!.delivery.idle();
    });

    it('shows the consent on /start through the outbox and keeps the consent in the database', async () => {
      api.pushUpdate(textUpdate(42, 1, '/start'));
      await until('the consent text', () => api.sentTo(42).length === 1);
      expect(api.sentTo(42)[0].params.text).to.match(/соглашаетесь на обработку персональных данных/);
      await server!.delivery.idle();
      const db = server!.assistant.db;
      expect(db.prepare('SELECT channel, user_id, message_id FROM chn_consents').all()).to.deep.equal([{ channel: 'telegram', user_id: '42', message_id: '42:1' }]);
      expect(db.prepare(`SELECT channel, user_id, status FROM dlv_outbox WHERE inbox_id IS NULL`).all()).to.deep.equal([{ channel: 'telegram', user_id: '42', status: 'sent' }]);
    });

    it('answers a /start Telegram delivers twice once', async () => {
      const update = { update_id: 7, ...textUpdate(42, 1, '/start') };
      await server!.telegram!.connector.handleUpdate(update);
      await server!.telegram!.connector.handleUpdate(update);
      await server!.delivery.idle();
      expect(api.sentTo(42)).to.have.length(1);
    });
  });

  describe('webhook', () => {
    beforeEach(async () => {
      server = await startTestServer({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_URL: api.baseApiUrl, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: SECRET } });
    });

    const post = (update: object, secret?: string) =>
      fetch(`${server!.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(update),
      });

    it('answers a guest whose update arrives by webhook with the right secret', async () => {
      const response = await post({ update_id: 1, ...textUpdate(42, 1, 'запишите плз на ноготочки в пт после 6') }, SECRET);
      expect(response.status).to.equal(200);
      // Acknowledged once in the inbox: the turn may still be running.
      expect(server!.assistant.db.prepare('SELECT COUNT(*) AS n FROM dlv_inbox').get()).to.deep.equal({ n: 1 });
      await until('the reply', () => api.sentTo(42).length === 1);
      expect(api.sentTo(42)[0].params.text).to.equal('В какой салон вам удобнее? 🌸');
    });

    it('refuses an update without the secret or with a wrong one (401), and processes nothing', async () => {
      expect((await post({ update_id: 1, ...textUpdate(42, 1, 'привет') })).status).to.equal(401);
      expect((await post({ update_id: 2, ...textUpdate(42, 2, 'привет') }, 'wrong-secret')).status).to.equal(401);
      expect(server!.assistant.db.prepare('SELECT COUNT(*) AS n FROM dlv_inbox').get()).to.deep.equal({ n: 0 });
    });

    it('takes a redelivered update once', async () => {
      const update = { update_id: 7, ...textUpdate(42, 3, 'где вы находитесь?') };
      const [one, two] = await Promise.all([post(update, SECRET), post(update, SECRET)]);
      expect([one.status, two.status]).to.deep.equal([200, 200]);
      await server!.delivery.idle();
      expect(server!.assistant.store.turns('telegram:42')).to.have.length(1);
    });
  });

  describe('across a restart', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'coco-telegram-'));
    });
    afterEach(() => removeTempDir(dir));

    it('sends the rest of a split message after a restart, never a part twice', async () => {
      const database = join(dir, 'coco.db');
      const env = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_URL: api.baseApiUrl };
      // Retries an hour later: the first process is gone by then.
      const first = await startTestServer({ database, env, delivery: { retry: { baseMs: 3_600_000 } } });
      server = first;
      const paragraphs = Array.from({ length: 3 }, (_, i) => `Часть ${i + 1}. ${'Уход за ногтями после покрытия. '.repeat(120)}`.trim());
      api.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 1, 1);
      first.delivery.deliver({ channel: 'telegram', userId: '42' }, [{ text: paragraphs.join('\n\n'), buttons: [] }]);
      await until('part 2 to fail', () => api.callsOf('sendMessage').some((c) => c.failed));
      await first.delivery.idle();
      expect(api.sentTo(42).map((c) => c.params.text.slice(0, 7))).to.deep.equal(['Часть 1']);
      await first.kill();

      server = await startTestServer({ database, env, clock: () => new Date(NOW.getTime() + 2 * 3_600_000) });
      await until('parts 2 and 3', () => api.sentTo(42).length === 3);
      await server.delivery.idle();
      expect(api.sentTo(42).map((c) => c.params.text.slice(0, 7))).to.deep.equal(['Часть 1', 'Часть 2', 'Часть 3']);
      expect(api.sentTo(42).every((c) => c.params.text.length <= 4096)).to.equal(true);
      expect(server.assistant.db.prepare(`SELECT status FROM dlv_outbox`).all()).to.deep.equal([{ status: 'sent' }]);
    });
  });
});

import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reply } from '../../../common';
import { SECRET_TOKEN_HEADER, TelegramApiError, TelegramConnector, type TelegramConnectorOptions, type TelegramInboundMessage } from '../../../connectors/telegram';
import { ChatPacer, MemoryConsentRecorder } from '../../../connectors/messaging';
import { InvalidInboundError } from '../../../core/delivery';
import { collectingLogger } from '../../support/log-lines';
import { callbackUpdate, startFakeBotApi, textUpdate, type FakeBotApi } from './fake-bot-api';

const TOKEN = '123456:TEST-token';

const RESPONSES: Record<string, Reply> = {
  telegram_consent: { text: 'Продолжая переписку, вы соглашаетесь на обработку персональных данных.', buttons: [{ title: 'Записаться', payload: '/intent booking' }], response: 'telegram_consent' },
  telegram_help: { text: 'Мы записываем на услуги.', buttons: [{ title: 'Администратор', payload: '/handover' }], response: 'telegram_help' },
};

describe('TelegramConnector (real node-telegram-bot-api against a fake Bot API)', () => {
  let api: FakeBotApi;
  let connector: TelegramConnector | undefined;
  let received: TelegramInboundMessage[];

  beforeEach(async () => {
    api = await startFakeBotApi();
    received = [];
  });

  afterEach(async () => {
    // Closing the fake ends a held getUpdates at once, so stopping does not wait out the long poll.
    await Promise.all([connector?.stop(), api.close()]);
    connector = undefined;
  });

  function connect(options: Partial<TelegramConnectorOptions> = {}): TelegramConnector {
    connector = new TelegramConnector({
      token: TOKEN,
      baseApiUrl: api.baseApiUrl,
      respond: (key) => RESPONSES[key],
      onMessage: (message) => {
        received.push(message);
      },
      pacer: new ChatPacer({ intervalMs: 0 }),
      polling: { timeoutSeconds: 1, backoffMs: 20 },
      ...options,
    });
    return connector;
  }

  async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  describe('long polling', () => {
    it('delivers a text message to onMessage, with the guest and the message id', async () => {
      await connect().start();
      api.pushUpdate(textUpdate(42, 5, 'запишите плз на ноготочки в пт после 6'));
      await until(() => received.length === 1);
      expect(received[0]).to.deep.include({
        channel: 'telegram',
        userId: '42',
        messageId: '42:5',
        text: 'запишите плз на ноготочки в пт после 6',
        userName: 'Анна Иванова',
      });
      expect(received[0].at.toISOString()).to.equal('2025-11-27T15:00:00.000Z');
      expect(api.calls[0].token).to.equal(TOKEN);
    });

    it('delivers a pressed button as its payload and answers the callback query', async () => {
      await connect().start();
      api.pushUpdate(callbackUpdate(42, 'cbq-1', '/slot branch=tverskaya', 'Тверская'));
      await until(() => received.length === 1);
      expect(received[0]).to.deep.include({ userId: '42', messageId: 'cb:cbq-1', payload: '/slot branch=tverskaya', text: 'Тверская' });
      const [answer] = await api.waitFor('answerCallbackQuery');
      expect(answer.params.callback_query_id).to.equal('cbq-1');
    });

    it('answers a callback query even when the button is no longer known', async () => {
      await connect().start();
      api.pushUpdate(callbackUpdate(42, 'cbq-old', '#forgottenKey000000000000'));
      const [answer] = await api.waitFor('answerCallbackQuery');
      expect(answer.params.callback_query_id).to.equal('cbq-old');
      expect(received).to.have.length(0);
    });

    it('fetches an update again when onMessage failed (the offset moves only after it was taken)', async () => {
      let failures = 1;
      await connect({
        onMessage: (message) => {
          if (failures-- > 0) throw new Error('inbox unavailable');
          received.push(message);
        },
      }).start();
      api.pushUpdate(textUpdate(42, 9, 'привет'));
      await until(() => received.length === 1);
      expect(received[0].messageId).to.equal('42:9');
      // Fetched twice from offset 0: the failed attempt did not confirm the update to Telegram.
      const offsets = api.callsOf('getUpdates').map((c) => Number(c.params.offset));
      expect(offsets.slice(0, 2)).to.deep.equal([0, 0]);
    });

    it('keeps a photo as an attachment reference resolved with getFile', async () => {
      await connect().start();
      api.pushUpdate({
        message: {
          message_id: 11,
          date: 1764255600,
          chat: { id: 42, type: 'private' },
          caption: 'вот что получилось',
          photo: [
            { file_id: 'small', file_unique_id: 's', width: 90, height: 90 },
            { file_id: 'large', file_unique_id: 'l', width: 1280, height: 1280 },
          ],
        },
      });
      await until(() => received.length === 1);
      const [getFile] = api.callsOf('getFile');
      expect(getFile.params.file_id).to.equal('large');
      expect(received[0].text).to.equal('вот что получилось');
      expect(received[0].attachments).to.deep.equal([
        { type: 'image', fileId: 'large', fileUniqueId: 'l', width: 1280, height: 1280, filePath: 'photos/large.jpg', size: 12345 },
      ]);
    });

    it('turns a shared contact into a text with the phone number', async () => {
      await connect().start();
      api.pushUpdate({
        message: {
          message_id: 12,
          date: 1764255600,
          chat: { id: 42, type: 'private' },
          contact: { phone_number: '79991234567', first_name: 'Анна', user_id: 42 },
        },
      });
      await until(() => received.length === 1);
      expect(received[0].text).to.equal('+79991234567');
    });
  });

  describe('malformed updates', () => {
    const withoutChat = () => {
      const update = textUpdate(42, 20, 'мой номер 8 999 123-45-67') as any;
      delete update.message.chat;
      return update;
    };
    const contactWithoutPhone = () => ({ message: { message_id: 21, date: 1764255600, chat: { id: 42, type: 'private' }, contact: { first_name: 'Анна', user_id: 42 } } }) as any;

    it('skips an update without a chat and a contact without a phone number, warns, and polls on past them', async () => {
      const logs = collectingLogger();
      await connect({ logger: logs.log }).start();
      api.pushUpdate(withoutChat());
      api.pushUpdate(contactWithoutPhone());
      api.pushUpdate(textUpdate(42, 22, 'привет'));
      await until(() => received.length === 1);
      expect(received[0].messageId).to.equal('42:22');
      const skipped = logs.events('telegram.update.skipped');
      expect(skipped.map((e) => e.reason)).to.deep.equal([
        'the payload\'s "message.chat.id" is not a Telegram id',
        'the payload\'s "message.contact.phone_number" is missing or has the wrong type',
      ]);
      expect(skipped.every((e) => e.level === 'warn')).to.equal(true);
      expect(logs.lines.join('')).not.to.match(/1234567|123-45-67/);
      // Each update was fetched once: the offset moved past the skipped ones.
      await until(() => api.callsOf('getUpdates').length >= 2);
      expect(api.callsOf('getUpdates').filter((c) => Number(c.params.offset) === 0)).to.have.length(1);
    });

    it('answers the spinner of a button press that lacks its chat and its sender, and skips it', async () => {
      await connect().start();
      const update = callbackUpdate(42, 'cbq-broken', '/slot branch=tverskaya') as any;
      delete update.callback_query.message;
      delete update.callback_query.from;
      api.pushUpdate(update);
      api.pushUpdate(textUpdate(42, 23, 'привет'));
      await until(() => received.length === 1);
      expect(received[0].messageId).to.equal('42:23');
      expect(api.callsOf('answerCallbackQuery').map((c) => c.params.callback_query_id)).to.deep.equal(['cbq-broken']);
    });

    it('skips a message the inbox refuses for what it is, instead of fetching it again forever', async () => {
      await connect({
        onMessage: (message) => {
          if (message.text === 'отказ') throw new InvalidInboundError('refused');
          received.push(message);
        },
      }).start();
      api.pushUpdate(textUpdate(42, 24, 'отказ'));
      api.pushUpdate(textUpdate(42, 25, 'привет'));
      await until(() => received.length === 1);
      expect(received[0].messageId).to.equal('42:25');
    });

    it('answers 200 by webhook to an update without a chat, or a contact without a phone number', async () => {
      const SECRET = 'webhook-secret_42';
      const telegram = connect({ mode: 'webhook', webhook: { secretToken: SECRET } });
      const handler = telegram.webhookHandler();
      const server = createServer((req, res) => void handler(req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const post = (body: object) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [SECRET_TOKEN_HEADER]: SECRET }, body: JSON.stringify(body) });
      try {
        expect((await post({ update_id: 1, ...withoutChat() })).status).to.equal(200);
        expect((await post({ update_id: 2, ...contactWithoutPhone() })).status).to.equal(200);
        expect((await post({ update_id: 3, ...textUpdate(42, 26, 'привет') })).status).to.equal(200);
        expect(received.map((m) => m.messageId)).to.deep.equal(['42:26']);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('/start and /help', () => {
    it('shows the consent text on /start and records the consent', async () => {
      const consents = new MemoryConsentRecorder();
      await connect({ recordConsent: consents.record }).start();
      api.pushUpdate(textUpdate(42, 1, '/start'));
      const [sent] = await api.waitFor('sendMessage');
      expect(sent.params.chat_id).to.equal('42');
      expect(sent.params.text).to.equal(RESPONSES.telegram_consent.text);
      expect(sent.params.reply_markup.inline_keyboard.flat()).to.deep.equal([{ text: 'Записаться', callback_data: '/intent booking' }]);
      expect(consents.has('telegram', '42')).to.equal(true);
      expect(consents.records[0]).to.deep.include({ messageId: '42:1', text: RESPONSES.telegram_consent.text });
      expect(received).to.have.length(0);
    });

    it('shows the help text on /help, through deliverLocal when the server passes its outbox', async () => {
      const delivered: Array<{ userId: string; reply: Reply }> = [];
      await connect({ deliverLocal: async (userId, reply) => void delivered.push({ userId, reply }) }).start();
      api.pushUpdate(textUpdate(42, 2, '/help'));
      await until(() => delivered.length === 1);
      expect(delivered[0]).to.deep.equal({ userId: '42', reply: RESPONSES.telegram_help });
      expect(api.callsOf('sendMessage')).to.have.length(0);
    });
  });

  describe('sending replies', () => {
    it('sends a reply with its choices as an inline keyboard', async () => {
      const telegram = connect();
      const result = await telegram.sender.send('42', {
        text: 'В какой салон вас записать?',
        buttons: [
          { title: '«Тверская»', payload: '/slot branch=tverskaya' },
          { title: '«Патриаршие»', payload: '/slot branch=patriki' },
        ],
      });
      const [sent] = api.callsOf('sendMessage');
      expect(sent.params.text).to.equal('В какой салон вас записать?');
      expect(sent.params.reply_markup).to.deep.equal({
        inline_keyboard: [[
          { text: '«Тверская»', callback_data: '/slot branch=tverskaya' },
          { text: '«Патриаршие»', callback_data: '/slot branch=patriki' },
        ]],
      });
      expect(result).to.deep.equal({ messageId: '1', messageIds: ['1'] });
    });

    it('maps a payload over 64 bytes through the table and back when the button is pressed', async () => {
      const telegram = connect();
      await telegram.start();
      const long = '/slot slot=2025-11-28T18:00:00+03:00 master=olga branch=tverskaya service=manicure_gel';
      await telegram.sender.send('42', { text: 'Выберите время', buttons: [{ title: 'пт 18:00', payload: long }] });
      const data = api.callsOf('sendMessage')[0].params.reply_markup.inline_keyboard[0][0].callback_data as string;
      expect(Buffer.byteLength(data)).to.be.at.most(64);
      api.pushUpdate(callbackUpdate(42, 'cbq-2', data, 'пт 18:00'));
      await until(() => received.length === 1);
      expect(received[0].payload).to.equal(long);
    });

    it('asks for the phone with a contact-request button', async () => {
      await connect({ sharePhoneTitle: 'Поделиться номером' }).sender.send('42', { text: 'Напишите номер телефона.', buttons: [], response: 'ask_phone' });
      const [sent] = api.callsOf('sendMessage');
      expect(sent.params.reply_markup).to.deep.equal({
        keyboard: [[{ text: 'Поделиться номером', request_contact: true }]],
        resize_keyboard: true,
        one_time_keyboard: true,
      });
    });

    it('splits a text over 4,096 characters and puts the keyboard under the last part', async () => {
      const paragraph = 'Маникюр с покрытием гель-лак держится до трёх недель. '.repeat(40);
      const text = `${paragraph.trim()}\n\n${paragraph.trim()}\n\n${paragraph.trim()}`;
      expect(text.length).to.be.greaterThan(4096);
      await connect().sender.send('42', { text, buttons: [{ title: 'Да', payload: '/slot confirmed=true' }] });
      const sent = api.callsOf('sendMessage');
      // Cut at the paragraphs, in order, each part within the limit.
      expect(sent.map((c) => c.params.text)).to.deep.equal([paragraph.trim(), paragraph.trim(), paragraph.trim()]);
      for (const call of sent) expect(call.params.text.length).to.be.at.most(4096);
      expect(sent[0].params.reply_markup).to.equal(undefined);
      expect(sent[1].params.reply_markup).to.equal(undefined);
      expect(sent[2].params.reply_markup.inline_keyboard[0][0].text).to.equal('Да');
    });

    it('waits out a 429 for its retry_after and sends again', async () => {
      api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      const started = Date.now();
      const result = await connect().sender.send('42', { text: 'Готово!', buttons: [] });
      const sent = api.callsOf('sendMessage');
      expect(sent).to.have.length(2);
      expect(sent[1].at - sent[0].at).to.be.at.least(950);
      expect(Date.now() - started).to.be.at.least(950);
      expect(result.messageId).to.equal('1');
    });

    it('throws a typed, non-retryable error when the guest blocked the bot', async () => {
      api.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
      const error = await connect().sender.send('42', { text: 'Готово!', buttons: [] }).catch((e) => e);
      expect(error).to.be.instanceOf(TelegramApiError);
      expect(error).to.include({ errorCode: 403, retryable: false, method: 'sendMessage' });
    });

    it('sends at most one message a second to one chat, without holding other chats back', async () => {
      const telegram = connect({ pacer: new ChatPacer() });
      await Promise.all([
        telegram.sender.send('42', { text: 'первое', buttons: [] }),
        telegram.sender.send('42', { text: 'второе', buttons: [] }),
        telegram.sender.send('43', { text: 'другому гостю', buttons: [] }),
      ]);
      const to42 = api.callsOf('sendMessage').filter((c) => c.params.chat_id === '42');
      const to43 = api.callsOf('sendMessage').filter((c) => c.params.chat_id === '43');
      expect(to42.map((c) => c.params.text)).to.deep.equal(['первое', 'второе']);
      expect(to42[1].at - to42[0].at).to.be.at.least(950);
      expect(to43[0].at - to42[0].at).to.be.below(500);
    });
  });

  describe('webhook mode', () => {
    let server: Server;
    let url: string;
    const SECRET = 'webhook-secret_42';

    beforeEach(async () => {
      const telegram = connect({ mode: 'webhook', webhook: { secretToken: SECRET, url: 'https://coco.example/telegram/webhook' } });
      await telegram.start();
      const handler = telegram.webhookHandler();
      server = createServer((req, res) => void handler(req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
    });

    afterEach(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    function post(body: unknown, secret?: string): Promise<Response> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== undefined) headers[SECRET_TOKEN_HEADER] = secret;
      return fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    }

    it('registers the webhook with its secret token', () => {
      const [set] = api.callsOf('setWebHook');
      expect(set.params).to.deep.include({ url: 'https://coco.example/telegram/webhook', secret_token: SECRET });
      expect(set.params.allowed_updates).to.deep.equal(['message', 'callback_query']);
    });

    it('takes an update with the right secret token', async () => {
      const response = await post({ update_id: 1, ...textUpdate(42, 3, 'привет') }, SECRET);
      expect(response.status).to.equal(200);
      expect(received.map((m) => m.text)).to.deep.equal(['привет']);
      expect(api.callsOf('getUpdates')).to.have.length(0);
    });

    it('rejects an update with a wrong or missing secret token', async () => {
      expect((await post({ update_id: 2, ...textUpdate(42, 4, 'взлом') }, 'wrong-secret')).status).to.equal(401);
      expect((await post({ update_id: 3, ...textUpdate(42, 5, 'взлом') }, SECRET + 'x')).status).to.equal(401);
      expect((await post({ update_id: 4, ...textUpdate(42, 6, 'взлом') })).status).to.equal(401);
      expect(received).to.have.length(0);
    });

    it('answers 400 to a body that is not an update and 500 when the message could not be taken', async () => {
      expect((await post({ hello: 'world' }, SECRET)).status).to.equal(400);
      const failing = connect({ mode: 'webhook', webhook: { secretToken: SECRET }, onMessage: () => Promise.reject(new Error('disk full')) });
      const handler = failing.webhookHandler();
      const other = createServer((req, res) => void handler(req, res));
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      const response = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_TOKEN_HEADER]: SECRET },
        body: JSON.stringify({ update_id: 5, ...textUpdate(42, 7, 'привет') }),
      });
      other.closeAllConnections();
      other.close();
      expect(response.status).to.equal(500);
    });

    it('refuses to start in webhook mode without a usable secret', () => {
      expect(() => new TelegramConnector({ token: TOKEN, mode: 'webhook', respond: (k) => RESPONSES[k], onMessage: () => undefined })).to.throw(/secret token/);
    });
  });
});

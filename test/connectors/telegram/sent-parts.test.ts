import { expect } from 'chai';
import TelegramBot from 'node-telegram-bot-api';
import { TelegramApiError, TelegramSender, telegramDeliverySender } from '../../../connectors/telegram';
import { ChatPacer, MemorySentParts } from '../../../connectors/messaging';
import { SendError } from '../../../common';
import { startFakeBotApi, type FakeBotApi } from './fake-bot-api';

describe('TelegramSender with a sent-parts record (a split reply resumes where it stopped)', () => {
  let api: FakeBotApi;
  let sender: TelegramSender;
  let parts: MemorySentParts;
  const text = ['Первая часть.', 'Вторая часть.', 'Третья часть.'].map((p) => `${p} ${'Уход за ногтями. '.repeat(230)}`.trim()).join('\n\n');
  const reply = { text, buttons: [{ title: 'Записаться', payload: '/intent booking' }] };

  beforeEach(async () => {
    api = await startFakeBotApi();
    parts = new MemorySentParts();
    const bot = new TelegramBot('123456:TEST-token', { polling: false, baseApiUrl: api.baseApiUrl });
    sender = new TelegramSender(bot, { sentParts: parts, pacer: new ChatPacer({ intervalMs: 0 }), sleep: async () => undefined });
  });
  afterEach(() => api.close());

  it('sends only the parts not yet sent when the same delivery is sent again, the buttons under the last', async () => {
    api.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error' }, 1, 1);
    const error = await sender.send('42', reply, { deliveryId: 5 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TelegramApiError);
    expect([...parts.of(5).keys()]).to.deep.equal([0]);

    const result = await sender.send('42', reply, { deliveryId: 5 });
    const sent = api.sentTo(42);
    expect(sent.map((c) => c.params.text.slice(0, 13))).to.deep.equal(['Первая часть.', 'Вторая часть.', 'Третья часть.']);
    expect(result.messageIds).to.deep.equal(sent.map((c) => String(c.messageId)));
    expect(sent[2].params.reply_markup.inline_keyboard.flat()[0].text).to.equal('Записаться');
  });

  it('sends every part again without a delivery id (nothing to resume by)', async () => {
    await sender.send('42', reply);
    await sender.send('42', reply);
    expect(api.sentTo(42)).to.have.length(6);
  });

  it('tells the outbox a 429 is retryable after Telegram’s retry_after, and a 403 is not', async () => {
    const outbox = telegramDeliverySender(new TelegramSender(new TelegramBot('123456:TEST-token', { polling: false, baseApiUrl: api.baseApiUrl }), { maxRateLimitRetries: 0, pacer: new ChatPacer({ intervalMs: 0 }) }));
    const message = { deliveryId: 1, conversationId: 'telegram:42', channel: 'telegram', userId: '42', reply: { text: 'привет', buttons: [] }, attempt: 1 };
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    const limited = await outbox.send(message).catch((e: unknown) => e);
    expect(limited).to.be.instanceOf(SendError).and.include({ retryable: true, retryAfterMs: 7000 });
    api.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const blocked = await outbox.send(message).catch((e: unknown) => e);
    expect(blocked).to.be.instanceOf(SendError).and.include({ retryable: false });
  });
});

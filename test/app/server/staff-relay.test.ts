import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTempDir } from '../../support/temp';
import { signatureOf } from '../../../connectors/whatsapp';
import { staffUpdate, startFakeBotApi, textUpdate, type BotApiCall, type FakeBotApi } from '../../connectors/telegram/fake-bot-api';
import { startFakeGraphApi, type FakeGraphApi } from '../../connectors/whatsapp/fake-graph-api';
import { TEXT_WEBHOOK } from '../../connectors/whatsapp/payloads';
import { conversationLogId } from '../../../app/log';
import { collectingLogger } from '../../support/log-lines';
import { startTestServer, until, type TestServer } from './test-server';

const STAFF = -1001234567890;
const GUEST = 42;
const WA_GUEST = '79991234567';
const APP_SECRET = 'whatsapp-app-secret';

describe('the staff relay (Telegram staff chat, guests in Telegram and WhatsApp)', function () {
  this.timeout(30_000);
  let api: FakeBotApi;
  let graph: FakeGraphApi;
  let server: TestServer;
  let staffMessageId = 9000;

  beforeEach(async () => {
    [api, graph] = await Promise.all([startFakeBotApi(), startFakeGraphApi()]);
    server = await startTestServer({
      env: {
        TELEGRAM_BOT_TOKEN: '123456:TEST-token',
        TELEGRAM_API_URL: api.baseApiUrl,
        STAFF_CHAT_ID: String(STAFF),
        WHATSAPP_ACCESS_TOKEN: 'EAAG-test-token',
        WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
        WHATSAPP_APP_SECRET: APP_SECRET,
        WHATSAPP_VERIFY_TOKEN: 'coco-verify',
        WHATSAPP_API_URL: graph.baseUrl,
      },
    });
  });
  afterEach(async () => {
    await api.close();
    await server.stop();
    await graph.close();
  });

  const staffPosts = () => api.sentTo(STAFF);
  const staffReplies = (text: string, replyTo: number) => api.pushUpdate(staffUpdate(STAFF, ++staffMessageId, text, replyTo));
  const whatsapp = (id: string, text: string) => {
    const body = structuredClone(TEXT_WEBHOOK) as any;
    Object.assign(body.entry[0].changes[0].value.messages[0], { id, text: { body: text } });
    const raw = JSON.stringify(body);
    return fetch(`${server.url}/whatsapp/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureOf(raw, APP_SECRET) }, body: raw });
  };
  const sentIdOf = (call: BotApiCall) => call.messageId!;

  it('posts a Telegram guest’s handover to staff, relays the staff reply and the guest’s messages both ways, and /bot gives the guest back to the assistant', async () => {
    api.pushUpdate(textUpdate(GUEST, 1, 'мой номер 8 999 123 45 67, позовите администратора'));
    await until('the summary in the staff chat', () => staffPosts().length === 1);
    const summary = staffPosts()[0];
    expect(summary.params.text).to.match(/^🔔 Гость ждёт администратора\nГость: Анна Иванова\nКанал: Telegram\nПричина: гость попросил администратора/);
    expect(summary.params.text).to.contain('Гость: мой номер +7 *** ***-**-67, позовите администратора');
    expect(summary.params.text).not.to.contain('123 45 67');
    expect(summary.params.reply_to_message_id).to.equal(undefined);
    await until('the handover notice to the guest', () => api.sentTo(GUEST).length === 1);
    expect(api.sentTo(GUEST)[0].params.text).to.match(/Передаём ваш вопрос администратору/);
    const summaryId = sentIdOf(summary);

    // While staff have the conversation, the guest's messages go to the summary's thread, and the assistant is silent.
    api.pushUpdate(textUpdate(GUEST, 2, 'я подожду, спасибо'));
    await until('the guest message in the staff thread', () => staffPosts().length === 2);
    expect(staffPosts()[1].params).to.deep.include({ text: '💬 Анна Иванова (Telegram): я подожду, спасибо', reply_to_message_id: String(summaryId) });
    await server.delivery.idle();
    expect(api.sentTo(GUEST)).to.have.length(1);

    // A staff member answers in the thread: the guest reads it in Telegram.
    staffReplies('Анна, здравствуйте! Это Мария, администратор. Сейчас всё посмотрю.', sentIdOf(staffPosts()[1]));
    await until('the staff reply at the guest', () => api.sentTo(GUEST).length === 2);
    expect(api.sentTo(GUEST)[1].params.text).to.equal('Анна, здравствуйте! Это Мария, администратор. Сейчас всё посмотрю.');
    const logged = server.assistant.store.messages(`telegram:${GUEST}`).filter((m) => m.meta?.from === 'staff');
    expect(logged.map((m) => m.text)).to.deep.equal(['Анна, здравствуйте! Это Мария, администратор. Сейчас всё посмотрю.']);

    // A message in the staff chat that replies to nothing stays there.
    api.pushUpdate(staffUpdate(STAFF, ++staffMessageId, 'коллеги, кто возьмёт?'));
    staffReplies('/bot', summaryId);
    await until('the guest told the assistant is back', () => api.sentTo(GUEST).length === 3);
    expect(api.sentTo(GUEST)[2].params.text).to.match(/^Администратор завершил разговор — дальше снова отвечаем мы/);
    await until('the staff note', () => staffPosts().length === 3);
    expect(staffPosts()[2].params.text).to.equal('✅ Разговор возвращён ассистенту.');
    expect(server.assistant.store.load({ channel: 'telegram', userId: String(GUEST) })!.state.handedOver).to.equal(null);

    api.pushUpdate(textUpdate(GUEST, 3, 'запишите на маникюр'));
    await until('the assistant answering again', () => api.sentTo(GUEST).length === 4);
    expect(api.sentTo(GUEST)[3].params.text).to.equal('В какой салон вам удобнее? 🌸');
    expect(staffPosts()).to.have.length(3);
  });

  it('relays a WhatsApp guest the same way: summary in the staff chat, the staff reply in WhatsApp, /bot back to the assistant', async () => {
    expect((await whatsapp('wamid.H1', 'позовите администратора')).status).to.equal(200);
    await until('the summary in the staff chat', () => staffPosts().length === 1);
    expect(staffPosts()[0].params.text).to.match(/Гость: Анна Иванова\nКанал: WhatsApp\nПричина: гость попросил администратора/);
    expect(staffPosts()[0].params.text).not.to.contain(WA_GUEST);
    await server.delivery.idle();
    const beforeStaff = graph.requests.length;

    staffReplies('Здравствуйте! Это Мария, администратор.', sentIdOf(staffPosts()[0]));
    await until('the staff reply in WhatsApp', () => graph.requests.length === beforeStaff + 1);
    expect(graph.requests.at(-1)!.body).to.deep.include({ to: WA_GUEST, type: 'text', text: { body: 'Здравствуйте! Это Мария, администратор.', preview_url: false } });

    staffReplies('/bot', sentIdOf(staffPosts()[0]));
    await until('the guest told the assistant is back', () => graph.requests.length === beforeStaff + 2);
    expect(graph.requests.at(-1)!.body.interactive.body.text).to.match(/^Администратор завершил разговор/);

    expect((await whatsapp('wamid.H2', 'запишите на маникюр')).status).to.equal(200);
    await until('the assistant answering again', () => graph.requests.length === beforeStaff + 3);
    expect(graph.requests.at(-1)!.body.interactive.body.text).to.equal('В какой салон вам удобнее? 🌸');
  });

  it('shows staff the name a web page sent as unverified, in the summary and in the thread', async () => {
    const post = (text: string) =>
      fetch(`${server.url}/api/web/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: 'web-guest-1', userName: 'Анна Иванова', text }) });
    expect((await post('позовите администратора')).status).to.equal(200);
    await until('the summary in the staff chat', () => staffPosts().length === 1);
    expect(staffPosts()[0].params.text).to.match(/Гость: Анна Иванова \(не проверено\)\nКанал: чат на сайте\n/);
    expect((await post('я подожду')).status).to.equal(200);
    await until('the guest message in the staff thread', () => staffPosts().length === 2);
    expect(staffPosts()[1].params.text).to.equal('💬 Анна Иванова (не проверено) (чат на сайте): я подожду');
  });

  it('relays a staff reply once when Telegram delivers the update twice', async () => {
    api.pushUpdate(textUpdate(GUEST, 1, 'позовите администратора'));
    await until('the summary', () => staffPosts().length === 1);
    await until('the handover notice', () => api.sentTo(GUEST).length === 1);
    const update = staffUpdate(STAFF, ++staffMessageId, 'Сейчас отвечу.', sentIdOf(staffPosts()[0]));
    await server.telegram!.connector.handleUpdate({ update_id: 1, ...update });
    await server.telegram!.connector.handleUpdate({ update_id: 1, ...update });
    await server.delivery.idle();
    expect(api.sentTo(GUEST).map((c) => c.params.text)).to.have.length(2);
  });

  it('announces at the next start a handover saved just before a crash, and only once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coco-relay-'));
    const database = join(dir, 'coco.db');
    const env = { TELEGRAM_BOT_TOKEN: '123456:TEST-token', TELEGRAM_API_URL: api.baseApiUrl, STAFF_CHAT_ID: String(STAFF) };
    try {
      // The engine saved the handover; the process died before the relay queued the summary.
      const crashed = await startTestServer({ database, env });
      await crashed.assistant.engine.handle({ channel: 'telegram', userId: String(GUEST), text: 'позовите администратора' });
      await crashed.kill();
      expect(staffPosts()).to.have.length(0);

      const restarted = await startTestServer({ database, env });
      await until('the summary after the restart', () => staffPosts().length === 1);
      expect(staffPosts()[0].params.text).to.match(/^🔔 Гость ждёт администратора[\s\S]*Причина: гость попросил администратора/);
      await restarted.stop();

      const again = await startTestServer({ database, env });
      await again.delivery.idle();
      await again.stop();
      expect(staffPosts()).to.have.length(1);
    } finally {
      removeTempDir(dir);
    }
  });
});

describe('the staff relay with an allow-list of staff (STAFF_USER_IDS)', function () {
  this.timeout(30_000);
  const MARIA = 501;
  const STRANGER = 666;
  let api: FakeBotApi;
  let server: TestServer;
  let logs: ReturnType<typeof collectingLogger>;
  let staffMessageId = 9500;

  beforeEach(async () => {
    api = await startFakeBotApi();
    logs = collectingLogger('info');
    server = await startTestServer({
      env: { TELEGRAM_BOT_TOKEN: '123456:TEST-token', TELEGRAM_API_URL: api.baseApiUrl, STAFF_CHAT_ID: String(STAFF), STAFF_USER_IDS: `${MARIA},502` },
      log: logs.log,
    });
  });
  afterEach(async () => {
    await api.close();
    await server.stop();
  });

  const staffPosts = () => api.sentTo(STAFF);
  /** A reply in the staff chat from the member `from`. */
  const replyFrom = (from: number, text: string, replyTo: number) => {
    const update = staffUpdate(STAFF, ++staffMessageId, text, replyTo) as any;
    update.message.from = { id: from, is_bot: false, first_name: from === MARIA ? 'Мария' : 'Гость группы' };
    api.pushUpdate(update);
  };

  it('refuses a reply and /bot from a member not on the list with a short note, logs it, and still takes the listed staff', async () => {
    api.pushUpdate(textUpdate(GUEST, 1, 'позовите администратора'));
    await until('the summary', () => staffPosts().length === 1);
    await until('the handover notice', () => api.sentTo(GUEST).length === 1);
    const summaryId = staffPosts()[0].messageId!;

    replyFrom(STRANGER, 'Привет! Я не администратор.', summaryId);
    await until('the refusal in the staff chat', () => staffPosts().length === 2);
    expect(staffPosts()[1].params.text).to.match(/^Отвечать гостям могут только администраторы из списка/);
    replyFrom(STRANGER, '/bot', summaryId);
    await until('the second refusal', () => staffPosts().length === 3);
    await server.delivery.idle();
    expect(api.sentTo(GUEST)).to.have.length(1);
    expect(server.assistant.store.load({ channel: 'telegram', userId: String(GUEST) })!.state.handedOver).not.to.equal(null);
    const refused = logs.events('staff.command.refused');
    expect(refused.map((e) => [e.level, e.userId, e.command])).to.deep.equal([['warn', String(STRANGER), 'reply'], ['warn', String(STRANGER), 'bot']]);
    expect(refused[0].conversation).to.equal(conversationLogId(`telegram:${GUEST}`));

    replyFrom(MARIA, 'Здравствуйте! Это Мария.', summaryId);
    await until('the listed staff reply at the guest', () => api.sentTo(GUEST).length === 2);
    expect(api.sentTo(GUEST)[1].params.text).to.equal('Здравствуйте! Это Мария.');
    replyFrom(MARIA, '/bot', summaryId);
    await until('the guest given back', () => server.assistant.store.load({ channel: 'telegram', userId: String(GUEST) })!.state.handedOver === null);
  });
});

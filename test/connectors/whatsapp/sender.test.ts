import { expect } from 'chai';
import {
  MemoryServiceWindow,
  WhatsAppApiError,
  WhatsAppSender,
  WhatsAppWindowClosedError,
  type WhatsAppSenderOptions,
} from '../../../connectors/whatsapp';
import { startFakeGraphApi, type FakeGraphApi } from './fake-graph-api';

const GUEST = '79991234567';
const NOW = new Date('2025-11-27T15:00:00Z');
const HOURS = 60 * 60 * 1000;

describe('WhatsAppSender (fetch against a fake Graph API)', () => {
  let api: FakeGraphApi;
  let window: MemoryServiceWindow;

  beforeEach(async () => {
    api = await startFakeGraphApi();
    window = new MemoryServiceWindow();
    window.record(GUEST, new Date(NOW.getTime() - 2 * HOURS));
  });

  afterEach(() => api.close());

  function cloudSender(options: Partial<WhatsAppSenderOptions> = {}): WhatsAppSender {
    return new WhatsAppSender({
      provider: { kind: 'cloud', accessToken: 'EAAG-test-token', phoneNumberId: '106540352242922', baseUrl: api.baseUrl },
      lastInboundAt: window.lastInboundAt,
      now: () => NOW,
      template: { name: 'coco_followup', language: 'ru' },
      ...options,
    });
  }

  it('posts a text to /{version}/{phone number id}/messages with the Bearer token', async () => {
    const result = await cloudSender().send(GUEST, { text: 'Готово! Ждём вас.', buttons: [] });
    const [request] = api.requests;
    expect(request.path).to.equal('/v21.0/106540352242922/messages');
    expect(request.headers.authorization).to.equal('Bearer EAAG-test-token');
    expect(request.body).to.deep.equal({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: GUEST, type: 'text', text: { body: 'Готово! Ждём вас.', preview_url: false },
    });
    expect(result).to.deep.equal({ messageId: 'wamid.HBgLFAKE1', messageIds: ['wamid.HBgLFAKE1'] });
  });

  it('sends three choices as reply buttons and seven as a list', async () => {
    const sender = cloudSender();
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `${10 + i}:00`, payload: `/slot time=${10 + i}:00` }));
    await sender.send(GUEST, { text: 'Во сколько?', buttons: choices(3) });
    await sender.send(GUEST, { text: 'Во сколько?', buttons: choices(7) });
    expect(api.requests.map((r) => r.body.interactive.type)).to.deep.equal(['button', 'list']);
    expect(api.requests[1].body.interactive.action.sections[0].rows).to.have.length(7);
  });

  it('sends only the template when the guest last wrote more than 24 hours ago', async () => {
    window.record('79990000000', new Date(NOW.getTime() - 25 * HOURS));
    const result = await cloudSender().send('79990000000', { text: 'Напоминаем о записи', buttons: [{ title: 'Да', payload: '/slot confirmed=true' }] });
    expect(api.requests).to.have.length(1);
    expect(api.requests[0].body).to.deep.include({ type: 'template', template: { name: 'coco_followup', language: { code: 'ru' } } });
    expect(result.template).to.equal(true);
  });

  it('sends free-form just inside the window, and the template for a guest who never wrote', async () => {
    window.record('79990000001', new Date(NOW.getTime() - 24 * HOURS + 1000));
    await cloudSender().send('79990000001', { text: 'Ещё успеваем', buttons: [] });
    await cloudSender().send('79990000002', { text: 'Первое сообщение', buttons: [] });
    expect(api.requests.map((r) => r.body.type)).to.deep.equal(['text', 'template']);
  });

  it('refuses a reply outside the window when no template is configured', async () => {
    const error = await cloudSender({ template: undefined }).send('79990000003', { text: 'Привет', buttons: [] }).catch((e) => e);
    expect(error).to.be.instanceOf(WhatsAppWindowClosedError);
    expect(error.retryable).to.equal(false);
    expect(api.requests).to.have.length(0);
  });

  it('falls back to the template when Meta says the window is closed (131047)', async () => {
    api.failNext(400, { message: 'Re-engagement message', code: 131047 });
    const result = await cloudSender().send(GUEST, { text: 'Ответ администратора', buttons: [] });
    expect(api.requests.map((r) => r.body.type)).to.deep.equal(['text', 'template']);
    expect(result.template).to.equal(true);
  });

  it('throws a typed error: rate limits retryable, bad requests not', async () => {
    api.failNext(400, { message: '(#130429) Rate limit hit', code: 130429 });
    const limited = await cloudSender().send(GUEST, { text: 'a', buttons: [] }).catch((e) => e);
    expect(limited).to.be.instanceOf(WhatsAppApiError);
    expect(limited).to.include({ code: 130429, retryable: true });
    api.failNext(400, { message: '(#100) Invalid parameter', code: 100 });
    const bad = await cloudSender().send(GUEST, { text: 'a', buttons: [] }).catch((e) => e);
    expect(bad).to.include({ status: 400, code: 100, retryable: false });
  });

  it('uses 360dialog: its base URL, /messages and the D360-API-KEY header instead of a Bearer token', async () => {
    const sender = cloudSender({ provider: { kind: '360dialog', apiKey: 'd360-key', baseUrl: api.baseUrl } });
    await sender.send(GUEST, { text: 'Привет из 360dialog', buttons: [] });
    const [request] = api.requests;
    expect(request.path).to.equal('/messages');
    expect(request.headers['d360-api-key']).to.equal('d360-key');
    expect(request.headers.authorization).to.equal(undefined);
    expect(request.body).to.deep.include({ messaging_product: 'whatsapp', to: GUEST, type: 'text' });
  });

  it('keeps one guest\'s replies in order when they are sent concurrently', async () => {
    const sender = cloudSender();
    await Promise.all(Array.from({ length: 10 }, (_, i) => sender.send(GUEST, { text: `сообщение ${i}`, buttons: [] })));
    expect(api.requests.map((r) => r.body.text.body)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `сообщение ${i}`));
  });
});

import { expect } from 'chai';
import http from 'node:http';
import type { Assistant } from '../../../app/assistant';
import type { RunningServer } from '../../../app/server';
import { eventsUrl, postJson, startTestServer } from './test-server';

type TestServer = RunningServer & { assistant: Assistant; stop(): Promise<void> };

/** Opens an event stream and collects its `reply` events. */
function openEvents(url: string, headers: Record<string, string> = {}) {
  const events: Array<{ id: number; text: string }> = [];
  let buffer = '';
  let close = () => undefined as void;
  const opened = new Promise<void>((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: reply$/m.test(block) && data) events.push(JSON.parse(data));
        }
      });
      resolve();
    });
    req.on('error', reject);
    close = () => void req.destroy();
  });
  const until = async (count: number) => {
    for (let i = 0; i < 200 && events.length < count; i++) await new Promise((r) => setTimeout(r, 10));
    return events;
  };
  return { events, opened, until, close: () => close() };
}

describe('HTTP server', function () {
  this.timeout(30_000);
  let server: TestServer;
  const session = 'test-session-1';

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('listens on 127.0.0.1 when COCO_HOST is not set', () => {
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.server.address()).to.include({ address: '127.0.0.1' });
  });

  it('answers GET /health with the active channels', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ status: 'ok', channels: { web: true, telegram: false, whatsapp: false } });
  });

  it('answers a guest message with the turn’s replies and their buttons, and takes a pressed button', async () => {
    const first = await postJson(`${server.url}/api/web/messages`, { sessionId: session, text: 'запишите плз на ноготочки в пт после 6' });
    expect(first.status).to.equal(200);
    expect(first.body.conversationId).to.equal(`web:${session}`);
    expect(first.body.replies[0].text).to.equal('В какой салон вам удобнее? 🌸');
    expect(first.body.replies[0].buttons.map((b: { title: string }) => b.title)).to.deep.equal(['«Тверская»', '«Патриаршие»', '«Сити»']);
    expect(first.body.replies[0].id).to.be.a('number');
    const second = await postJson(`${server.url}/api/web/messages`, { sessionId: session, payload: first.body.replies[0].buttons[0].payload });
    expect(second.body.replies[0].text).to.match(/К какому мастеру/);
  });

  it('processes a message sent twice with the same messageId once, and answers both with the same replies', async () => {
    const body = { sessionId: session, text: 'хочу на маникюр', messageId: 'client-42' };
    const [one, two] = await Promise.all([postJson(`${server.url}/api/web/messages`, body), postJson(`${server.url}/api/web/messages`, body)]);
    expect([one.body.duplicate, two.body.duplicate].sort()).to.deep.equal([false, true]);
    expect(two.body.replies).to.deep.equal(one.body.replies);
    expect(server.assistant.store.turns(`web:${session}`)).to.have.length(1);
  });

  it('answers two web sessions that both number their first message "1" each with its own reply', async () => {
    const [booking, address] = await Promise.all([
      postJson(`${server.url}/api/web/messages`, { sessionId: 'session-manicure', text: 'запишите на маникюр', messageId: '1' }),
      postJson(`${server.url}/api/web/messages`, { sessionId: 'session-address', text: 'где вы находитесь?', messageId: '1' }),
    ]);
    expect([booking.body.duplicate, address.body.duplicate]).to.deep.equal([false, false]);
    expect(booking.body.replies[0].text).to.equal('В какой салон вам удобнее? 🌸');
    expect(address.body.replies[0].text).to.not.equal(booking.body.replies[0].text);
    expect(server.assistant.store.messages('web:session-address').find((m) => m.direction === 'in')?.text).to.equal('где вы находитесь?');
  });

  it('processes 20 messages of one guest sent at once one by one, in the order they arrived, and sends the replies in that order', async () => {
    const stream = openEvents(await eventsUrl(server.url, session));
    await stream.opened;
    const texts = Array.from({ length: 20 }, (_, i) => `вопрос номер ${i + 1}: где вы находитесь?`);
    const responses = await Promise.all(texts.map((text) => postJson(`${server.url}/api/web/messages`, { sessionId: session, text })));
    expect(responses.every((r) => r.status === 200)).to.equal(true);
    const arrival = server.assistant.db.prepare<[], { message: string }>('SELECT message FROM dlv_inbox ORDER BY id').all().map((r) => JSON.parse(r.message).text);
    expect([...arrival].sort()).to.deep.equal([...texts].sort());
    const log = server.assistant.store.messages(`web:${session}`);
    expect(log.filter((m) => m.direction === 'in').map((m) => m.text)).to.deep.equal(arrival);
    // Each turn's replies follow its message in the log: turns never interleave.
    const turnOrder = log.map((m) => m.turn);
    expect(turnOrder).to.deep.equal([...turnOrder].sort((a, b) => a - b));
    const replyIds = responses.flatMap((r) => r.body.replies.map((x: { id: number }) => x.id));
    const events = await stream.until(replyIds.length);
    expect(events.map((e) => e.id)).to.deep.equal([...replyIds].sort((a, b) => a - b));
    stream.close();
  });

  it('sends a later reply (an administrator during a handover) to the open page as a server-sent event, and replays missed ones after Last-Event-ID', async () => {
    const first = await postJson(`${server.url}/api/web/messages`, { sessionId: session, text: 'позовите администратора' });
    const stream = openEvents(await eventsUrl(server.url, session));
    await stream.opened;
    const [staff] = server.delivery.deliver({ channel: 'web', userId: session }, [{ text: 'Здравствуйте! Это Анна, администратор.', buttons: [] }]);
    const events = await stream.until(1);
    expect(events).to.deep.equal([{ id: staff.id, text: 'Здравствуйте! Это Анна, администратор.', buttons: [] }]);
    stream.close();
    const lastSeen = first.body.replies.at(-1).id;
    const resumed = openEvents(await eventsUrl(server.url, session), { 'Last-Event-ID': String(lastSeen) });
    await resumed.opened;
    expect((await resumed.until(1)).map((e) => e.id)).to.deep.equal([staff.id]);
    resumed.close();
    for (let i = 0; i < 50 && server.hub.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(server.hub.size).to.equal(0);
  });

  it('returns the history with pressed buttons shown by their titles and staff replies in place', async () => {
    const first = await postJson(`${server.url}/api/web/messages`, { sessionId: session, text: 'запишите на маникюр' });
    await postJson(`${server.url}/api/web/messages`, { sessionId: session, payload: first.body.replies[0].buttons[1].payload });
    server.delivery.deliver({ channel: 'web', userId: session }, [{ text: 'Администратор на связи.', buttons: [] }]);
    await server.delivery.idle();
    const response = await fetch(`${server.url}/api/web/history?sessionId=${session}`);
    const history = (await response.json()) as { messages: Array<{ direction: string; text: string }>; lastEventId: number };
    expect(history.messages[0]).to.include({ direction: 'in', text: 'запишите на маникюр' });
    expect(history.messages[2]).to.include({ direction: 'in', text: first.body.replies[0].buttons[1].title });
    expect(history.messages.at(-1)).to.include({ direction: 'out', text: 'Администратор на связи.' });
    expect(history.lastEventId).to.be.greaterThan(0);
  });

  describe('errors', () => {
    const cases: Array<[string, unknown, number, string]> = [
      ['a body that is not JSON', '{"sessionId": ', 400, 'invalid_json'],
      ['no session id', { text: 'привет' }, 400, 'invalid_session'],
      ['a session id with odd characters', { sessionId: '../../etc', text: 'привет' }, 400, 'invalid_session'],
      ['neither text nor payload', { sessionId: session }, 400, 'empty_message'],
      ['only spaces', { sessionId: session, text: '   ' }, 400, 'empty_message'],
      ['a text over 10,000 characters', { sessionId: session, text: 'а'.repeat(10_001) }, 400, 'text_too_long'],
      ['a number as text', { sessionId: session, text: 5 }, 400, 'invalid_text'],
      ['an array', [1, 2], 400, 'invalid_body'],
    ];
    for (const [what, body, status, code] of cases) {
      it(`answers ${status} ${code} with the one error shape for ${what}`, async () => {
        const response = await postJson(`${server.url}/api/web/messages`, body);
        expect(response.status).to.equal(status);
        expect(response.body).to.have.keys('error');
        expect(response.body.error.code).to.equal(code);
        expect(response.body.error.message).to.be.a('string').and.not.equal('');
      });
    }

    it('answers an unknown route with 404 not_found in the same shape', async () => {
      const response = await fetch(`${server.url}/api/nothing`);
      expect(response.status).to.equal(404);
      expect(await response.json()).to.deep.equal({ error: { code: 'not_found', message: 'no route for GET /api/nothing' } });
    });

    it('answers a 10,000-character message, emoji only or control characters without failing', async () => {
      for (const text of ['а'.repeat(10_000), '💅💅💅', 'hello', '\u0000\u0007\u001b[31m']) {
        const response = await postJson(`${server.url}/api/web/messages`, { sessionId: session, text });
        expect(response.status, JSON.stringify(text.slice(0, 10))).to.equal(200);
      }
    });
  });

  it('gives pages of other sites no CORS permission when COCO_WIDGET_ORIGINS is not set', async () => {
    const response = await fetch(`${server.url}/api/web/messages`, { method: 'OPTIONS', headers: { Origin: 'https://madamcoco.ru', 'Access-Control-Request-Method': 'POST' } });
    expect(response.headers.get('access-control-allow-origin')).to.equal(null);
  });

  it('serves the widget script and the demo page', async () => {
    const script = await fetch(`${server.url}/widget.js`);
    expect(script.headers.get('content-type')).to.match(/javascript/);
    expect((await script.text()).length).to.be.within(1000, 12_000);
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).to.contain('<script src="/widget.js"');
  });
});

import { expect } from 'chai';
import http from 'node:http';
import { eventsUrl, postJson, startTestServer, type TestServer } from './test-server';

/** The first `reply` event of a stream. */
function firstReply(url: string): { reply: Promise<{ text: string }>; close(): void } {
  let req: http.ClientRequest | undefined;
  const reply = new Promise<{ text: string }>((resolve, reject) => {
    req = http.get(url, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const data = /event: reply\nid: \d+\ndata: (.*)\n\n/.exec(buffer)?.[1];
        if (data) resolve(JSON.parse(data));
      });
    });
    req.on('error', reject);
  });
  return { reply, close: () => req?.destroy() };
}

describe('the event stream opened by a token', function () {
  this.timeout(30_000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
  });

  it('is issued by POST for a session, and its URL does not name the session', async () => {
    const issued = await postJson(`${server.url}/api/web/events/token`, { sessionId: 'token-session-a' });
    expect(issued.status).to.equal(200);
    expect(issued.body.expiresIn).to.equal(120);
    expect(await eventsUrl(server.url, 'token-session-a')).to.not.contain('token-session-a');
  });

  it('streams the replies of its own session only', async () => {
    const a = firstReply(await eventsUrl(server.url, 'token-session-a'));
    const b = firstReply(await eventsUrl(server.url, 'token-session-b'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.delivery.deliver({ channel: 'web', userId: 'token-session-b' }, [{ text: 'Это для гостя B.', buttons: [] }]);
    server.delivery.deliver({ channel: 'web', userId: 'token-session-a' }, [{ text: 'Это для гостя A.', buttons: [] }]);
    expect((await a.reply).text).to.equal('Это для гостя A.');
    expect((await b.reply).text).to.equal('Это для гостя B.');
    a.close();
    b.close();
  });

  it('is not opened by a session id in the URL, nor by a made-up token', async () => {
    for (const query of ['sessionId=token-session-a', 'token=bm90LWEtdG9rZW4', '']) {
      const response = await fetch(`${server.url}/api/web/events?${query}`);
      expect(response.status, query).to.equal(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('invalid_stream_token');
    }
  });
});

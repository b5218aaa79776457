import { expect } from 'chai';
import { postJson, startTestServer, type TestServer } from './test-server';

/** Sends `count` requests at once and returns their statuses. */
async function burst(count: number, request: (i: number) => Promise<Response>): Promise<number[]> {
  const responses = await Promise.all(Array.from({ length: count }, (_, i) => request(i)));
  await Promise.all(responses.map((r) => r.arrayBuffer()));
  return responses.map((r) => r.status);
}

describe('web API rate limits', function () {
  this.timeout(30_000);
  let server: TestServer;
  afterEach(async () => {
    await server.stop();
  });

  describe('with the default limits', () => {
    beforeEach(async () => {
      server = await startTestServer();
    });

    it('stops a burst of 300 requests of one session with 429 rate_limited and Retry-After', async () => {
      const statuses = await burst(300, () => fetch(`${server.url}/api/web/history?sessionId=burst-session`));
      expect(statuses.filter((s) => s === 200)).to.have.length(60);
      expect(statuses.filter((s) => s === 429)).to.have.length(240);
      const refused = await fetch(`${server.url}/api/web/history?sessionId=burst-session`);
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
      expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('rate_limited');
    });

    it('does not hold up another guest for one session’s burst', async () => {
      await burst(100, () => fetch(`${server.url}/api/web/history?sessionId=burst-session`));
      expect((await fetch(`${server.url}/api/web/history?sessionId=another-session`)).status).to.equal(200);
    });

    it('stops a burst of 300 requests from one address, whatever sessions they name', async () => {
      const statuses = await burst(300, (i) => fetch(`${server.url}/api/web/history?sessionId=session-${String(i).padStart(4, '0')}`));
      expect(statuses.filter((s) => s === 200)).to.have.length(200);
      expect(statuses.filter((s) => s === 429)).to.have.length(100);
    });
  });

  it('counts a session’s messages too', async () => {
    server = await startTestServer({ config: { webLimits: { requestsPerSession: 2 } } });
    const send = (text: string) => postJson(`${server.url}/api/web/messages`, { sessionId: 'chatty-session', text });
    expect((await send('привет')).status).to.equal(200);
    expect((await send('где вы находитесь?')).status).to.equal(200);
    const third = await send('а когда работаете?');
    expect(third.status).to.equal(429);
    expect(third.body.error.code).to.equal('rate_limited');
    expect(server.assistant.store.turns('web:chatty-session')).to.have.length(2);
  });
});

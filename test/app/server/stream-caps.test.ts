import { expect } from 'chai';
import http from 'node:http';
import { eventsUrl, startTestServer, type TestServer } from './test-server';

/** Opens an event stream; resolves with its status and the function that closes it. */
function openStream(url: string): Promise<{ status: number; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

describe('open event streams per client', function () {
  this.timeout(30_000);
  let server: TestServer;
  const open: Array<{ close(): void }> = [];
  const stream = async (session: string) => {
    const opened = await openStream(await eventsUrl(server.url, session));
    open.push(opened);
    return opened;
  };

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const s of open.splice(0)) s.close();
    await server.stop();
  });

  it('lets a guest keep three tabs streaming, refuses a fourth with 429, and takes one again after a tab closes', async () => {
    const tabs = [await stream('tabs-session'), await stream('tabs-session'), await stream('tabs-session')];
    expect(tabs.map((t) => t.status)).to.deep.equal([200, 200, 200]);
    expect((await stream('tabs-session')).status).to.equal(429);
    tabs[0].close();
    for (let i = 0; i < 50 && server.hub.size > 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await stream('tabs-session')).status).to.equal(200);
  });

  it('refuses a 21st stream from one address, whatever sessions they name', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await stream(`address-session-${String(i).padStart(2, '0')}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).to.equal(true);
    expect(statuses[20]).to.equal(429);
  });
});

import { expect } from 'chai';
import { startTestServer, type TestServer } from './test-server';

const preflight = (url: string, origin: string) =>
  fetch(`${url}/api/web/messages`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });

describe('CORS with COCO_WIDGET_ORIGINS set', function () {
  this.timeout(30_000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { COCO_WIDGET_ORIGINS: 'https://madamcoco.ru,https://www.madamcoco.ru' } });
  });
  after(async () => {
    await server.stop();
  });

  it('lets the widget on a listed site call the API, and read Retry-After', async () => {
    const response = await preflight(server.url, 'https://madamcoco.ru');
    expect(response.status).to.equal(204);
    expect(response.headers.get('access-control-allow-origin')).to.equal('https://madamcoco.ru');
    expect(response.headers.get('access-control-expose-headers')).to.match(/Retry-After/);
  });

  it('gives a site that is not listed no CORS permission', async () => {
    const response = await preflight(server.url, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).to.equal(null);
  });
});

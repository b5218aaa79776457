import { expect } from 'chai';
import { startTestServer, type TestServer } from './test-server';

describe('security headers', function () {
  this.timeout(30_000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
  });

  for (const path of ['/health', '/api/web/history?sessionId=test-session-1', '/api/nothing']) {
    it(`forbid sniffing, referrers and framing on ${path}`, async () => {
      const { headers } = await fetch(`${server.url}${path}`);
      expect(headers.get('x-content-type-options')).to.equal('nosniff');
      expect(headers.get('referrer-policy')).to.equal('no-referrer');
      expect(headers.get('content-security-policy')).to.contain("default-src 'none'").and.contain("frame-ancestors 'none'");
      expect(headers.get('x-frame-options')).to.equal('DENY');
      expect(headers.get('x-powered-by')).to.equal(null);
    });
  }

  it('keep the widget script loadable from the salon’s own site', async () => {
    const { headers } = await fetch(`${server.url}/widget.js`);
    expect(headers.get('cross-origin-resource-policy')).to.equal('cross-origin');
    expect(headers.get('content-type')).to.match(/javascript/);
    expect(headers.get('x-content-type-options')).to.equal('nosniff');
  });

  it('let the demo page run its own widget, framed by its own origin only', async () => {
    const { headers } = await fetch(`${server.url}/`);
    const csp = headers.get('content-security-policy')!;
    expect(csp).to.contain("script-src 'self'").and.contain("frame-ancestors 'self'").and.contain("default-src 'self'");
    expect(csp.match(/frame-ancestors/g)).to.have.length(1);
    expect(headers.get('x-frame-options')).to.equal('SAMEORIGIN');
  });
});

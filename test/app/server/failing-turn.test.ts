/** A turn that throws costs the guest one apology, not a 500, and the server goes on answering. */
import { expect } from 'chai';
import { postJson, startTestServer, type TestServer } from './test-server';

describe('a turn that throws', function () {
  this.timeout(30_000);
  let server: TestServer;

  beforeEach(async () => {
    // The engine fails every message that says «сломай», and answers the others as usual.
    server = await startTestServer({
      engine: (assistant) => ({
        handle: async (message) => {
          if (message.text === 'сломай') throw new Error('boom');
          return assistant.engine.handle(message);
        },
      }),
    });
  });
  afterEach(async () => {
    await server.stop();
  });

  it('answers the guest with the generic apology instead of a 500', async () => {
    const response = await postJson(`${server.url}/api/web/messages`, { sessionId: 'broken-turn', text: 'сломай' });
    expect(response.status).to.equal(200);
    expect(response.body.replies.map((r: { text: string }) => r.text)).to.deep.equal([server.assistant.responses.render('generic_error')]);
    expect(response.body.replies[0].buttons.map((b: { payload: string }) => b.payload)).to.deep.equal(['/handover']);
  });

  it('goes on answering the same guest and others after it', async () => {
    await postJson(`${server.url}/api/web/messages`, { sessionId: 'broken-turn', text: 'сломай' });
    const same = await postJson(`${server.url}/api/web/messages`, { sessionId: 'broken-turn', text: 'хочу на маникюр' });
    const other = await postJson(`${server.url}/api/web/messages`, { sessionId: 'other-guest', text: 'хочу на маникюр' });
    expect([same.status, other.status]).to.deep.equal([200, 200]);
    expect(same.body.replies[0].text).to.match(/салон/);
    expect(other.body.replies[0].text).to.match(/салон/);
  });
});

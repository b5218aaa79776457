import { join } from 'node:path';
import { createAssistant, loadContent, type Assistant, type AssistantContent } from '../../../engine/assistant';
import { serverConfigFromEnv, startServer, type RunningServer } from '../../../engine/server';
import { CONTENT_DIR, shippedNlu } from '../../support/content';

/** The moment every server test lives in (a Tuesday noon in Moscow). */
export const NOW = new Date('2026-11-24T12:00:00+03:00');

let content: AssistantContent | undefined;

/** The real assistant (shipped content, demo CRM, in-memory SQLite, frozen clock) behind a server on 127.0.0.1, a free port. */
export async function startTestServer(database = ':memory:'): Promise<RunningServer & { assistant: Assistant; stop(): Promise<void> }> {
  const clock = () => new Date(NOW.getTime());
  const nlu = await shippedNlu();
  content ??= loadContent({ contentDir: CONTENT_DIR });
  const assistant = createAssistant({ contentDir: CONTENT_DIR, flowsDir: join(CONTENT_DIR, '..', 'flows'), database, clock, nlu, content });
  const config = { ...serverConfigFromEnv({}), port: 0, host: '127.0.0.1' };
  const running = await startServer({ assistant, config, clock });
  return {
    ...running,
    assistant,
    stop: async () => {
      await running.close();
      await running.delivery.idle();
      assistant.close();
    },
  };
}

/** POSTs JSON and returns the status and the parsed body. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

import { join } from 'node:path';
import { ChatPacer } from '../../../connectors/messaging';
import { createAssistant, loadContent, type Assistant, type AssistantContent } from '../../../app/assistant';
import type { TurnHandler } from '../../../core/delivery';
import { serverConfigFromEnv, startServer, type RunningServer, type ServerConfig, type StartServerOptions } from '../../../app/server';
import { CONTENT_DIR, shippedNlu } from '../../support/content';

/** The moment every server test lives in (a Tuesday noon in Moscow). */
export const NOW = new Date('2026-11-24T12:00:00+03:00');

let content: AssistantContent | undefined;

export interface TestServerOptions {
  /** The SQLite file; default in memory. */
  database?: string;
  /** Environment variables of the channels (TELEGRAM_*, WHATSAPP_*, STAFF_CHAT_ID). */
  env?: NodeJS.ProcessEnv;
  /** Default: frozen at {@link NOW}. */
  clock?: () => Date;
  /** Stands in for the dialogue engine (a turn that never ends: a process killed mid-turn). */
  engine?: (assistant: Assistant) => TurnHandler;
  delivery?: StartServerOptions['delivery'];
  /** Settings over those read from `env` (the web API's limits). */
  config?: Partial<ServerConfig>;
  /** Where the server logs (default: nowhere). */
  log?: StartServerOptions['log'];
}

export type TestServer = RunningServer & {
  assistant: Assistant;
  /** Stops the server, waits for queued work, closes the assistant. */
  stop(): Promise<void>;
  /** Like `kill -9` as far as the database can tell: stops without waiting for anything in flight. */
  kill(): Promise<void>;
};

/** The real assistant (shipped content, demo CRM, SQLite, frozen clock) behind a server on 127.0.0.1, a free port. */
export async function startTestServer(options: string | TestServerOptions = {}): Promise<TestServer> {
  const { database = ':memory:', env = {}, clock = () => new Date(NOW.getTime()), engine, delivery, config: overrides, log } = typeof options === 'string' ? { database: options } : options;
  const nlu = await shippedNlu();
  content ??= loadContent({ contentDir: CONTENT_DIR });
  const assistant = createAssistant({ contentDir: CONTENT_DIR, flowsDir: join(CONTENT_DIR, '..', 'flows'), database, clock, nlu, content });
  // The host is the default one: 127.0.0.1.
  const config = { ...serverConfigFromEnv(env), port: 0, ...overrides };
  const running = await startServer({
    assistant: engine ? { ...assistant, engine: engine(assistant) } : assistant,
    config,
    clock,
    delivery,
    log,
    telegram: { polling: { timeoutSeconds: 1, backoffMs: 20 }, pacer: new ChatPacer({ intervalMs: 0 }) },
  });
  return {
    ...running,
    assistant,
    stop: async () => {
      await running.close();
      await running.delivery.idle();
      assistant.close();
    },
    kill: async () => {
      await running.close();
      assistant.close();
    },
  };
}

/** POSTs JSON and returns the status and the parsed body. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

/** The URL of a session's event stream, with a token the server issued for it (as the widget gets it). */
export async function eventsUrl(serverUrl: string, sessionId: string): Promise<string> {
  const { status, body } = await postJson(`${serverUrl}/api/web/events/token`, { sessionId });
  if (status !== 200) throw new Error(`POST /api/web/events/token answered ${status}: ${JSON.stringify(body)}`);
  return `${serverUrl}/api/web/events?token=${encodeURIComponent(body.token)}`;
}

/** Waits until `check` holds (polling every 10 ms), or fails after `timeoutMs` saying what it waited for. */
export async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

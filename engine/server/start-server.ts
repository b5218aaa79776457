/** Starting and stopping the HTTP server around an assistant. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { WebEventHub, webSender, WEB_CHANNEL } from '../../connectors/web';
import type { Assistant } from '../assistant';
import { DeliveryService, type DeliveryServiceOptions } from '../delivery';
import { silentLogger, type Logger } from '../log';
import type { Clock } from '../../nlu/types';
import { createServerApp } from './app';
import { describeChannels, type ServerConfig } from './config';

export interface StartServerOptions {
  assistant: Pick<Assistant, 'engine' | 'store' | 'db'>;
  config: ServerConfig;
  clock: Clock;
  log?: Logger;
  /** Delivery settings (retry policy, timers) for tests. */
  delivery?: Pick<DeliveryServiceOptions, 'retry' | 'timers'>;
}

/** A listening server. */
export interface RunningServer {
  /** `http://<host>:<port>` as bound. */
  url: string;
  port: number;
  delivery: DeliveryService;
  hub: WebEventHub;
  server: Server;
  /** Stops listening, ends open event streams and stops the delivery timers (the assistant stays open). */
  close(): Promise<void>;
}

/**
 * Drains what a previous run left in the inbox and outbox, then listens, and logs which channels are
 * active and what would enable the others.
 *
 * @example
 * const running = await startServer({ assistant, config: serverConfigFromEnv(process.env), clock, log });
 * console.log(running.url); // http://0.0.0.0:3000
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? silentLogger;
  const hub = new WebEventHub();
  const { assistant } = options;
  const delivery = new DeliveryService({
    db: assistant.db,
    engine: assistant.engine,
    store: assistant.store,
    senders: { [WEB_CHANNEL]: webSender(hub) },
    clock: options.clock,
    log: log.child({ component: 'delivery' }),
    ...options.delivery,
  });
  await delivery.start();
  const app = createServerApp({ config: options.config, delivery, store: assistant.store, hub, log: log.child({ component: 'http' }) });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.config.port, options.config.host ?? '::', (error?: Error) => (error ? reject(error) : resolve(listening)));
    listening.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? (address.address === '::' ? 'localhost' : `[${address.address}]`) : address.address;
  const url = `http://${host}:${address.port}`;
  log.info('server.listening', { url });
  for (const line of describeChannels(options.config.channels)) log.info('server.channel', { status: line });
  return {
    url,
    port: address.port,
    delivery,
    hub,
    server,
    close: async () => {
      delivery.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

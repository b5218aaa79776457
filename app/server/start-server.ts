/** Starting and stopping the HTTP server around an assistant, with every configured channel. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Router } from 'express';
import { SqlitePayloadTable, SqliteSentParts } from '../../connectors/storage';
import { TELEGRAM_CHANNEL } from '../../connectors/telegram';
import { WebEventHub, webSender, WEB_CHANNEL } from '../../connectors/web';
import { WHATSAPP_CHANNEL } from '../../connectors/whatsapp';
import type { Assistant } from '../assistant';
import { channelCourier } from './identity-courier';
import { DeliveryService, type DeliveryServiceOptions, type TurnHandler, useShortBusyTimeout } from '../../core';
import { type Sender, type Reply, silentLogger, type Logger } from '../../common';
import { relayHandovers, STAFF_CHANNEL, staffChatSender, StaffRelay, StaffThreads } from '../../connectors/staff-chat';
import type { Clock } from '../../nlu';
import { createServerApp } from './app';
import { describeChannels, type ServerConfig } from './config';
import { telegramChannel, type TelegramChannel, type TelegramChannelOverrides } from './telegram-channel';
import { whatsappChannel } from './whatsapp-channel';

export interface StartServerOptions {
  /** The assistant; `engine` may be any turn handler (tests stand in a slow or failing one). */
  assistant: Pick<Assistant, 'store' | 'db' | 'responses' | 'staff' | 'crm' | 'identity'> & { engine: TurnHandler };
  config: ServerConfig;
  clock: Clock;
  log?: Logger;
  /** Delivery settings (retry policy, timers) for tests. */
  delivery?: Pick<DeliveryServiceOptions, 'retry' | 'timers' | 'busy'>;
  /** Telegram tuning for tests: a short long poll, no pacing. */
  telegram?: TelegramChannelOverrides;
}

/** A listening server. */
export interface RunningServer {
  /** `http://<host>:<port>` as bound. */
  url: string;
  port: number;
  delivery: DeliveryService;
  hub: WebEventHub;
  server: Server;
  /** The Telegram channel, when configured. */
  telegram?: TelegramChannel;
  /** The staff relay, when Telegram and STAFF_CHAT_ID are configured. */
  staffRelay?: StaffRelay;
  /** Stops polling, listening, open event streams and the delivery timers (the assistant stays open). */
  close(): Promise<void>;
}

/**
 * Builds the configured channels, drains what a previous run left in the inbox and outbox, listens,
 * starts Telegram (polling, or the webhook registration), and logs which channels are active and what
 * would enable the others.
 *
 * @example
 * const running = await startServer({ assistant, config: serverConfigFromEnv(process.env), clock, log });
 * console.log(running.url); // http://127.0.0.1:3000
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? silentLogger;
  const hub = new WebEventHub();
  const { assistant, config, clock } = options;
  // Every channel shares this event loop: a locked database is waited for between statements, not inside one.
  useShortBusyTimeout(assistant.db);
  const respond = (key: string): Reply => ({ text: assistant.responses.render(key), buttons: assistant.responses.buttons(key), response: key });
  // The connectors hand messages to the delivery service, which is built last (it needs their senders).
  let delivery: DeliveryService | undefined;
  const receive = (message: Parameters<DeliveryService['receive']>[0]) => delivery!.receive(message);
  const deliver: DeliveryService['deliver'] = (key, replies) => delivery!.deliver(key, replies);

  const senders: Record<string, Sender> = { [WEB_CHANNEL]: webSender(hub) };
  const routers: Router[] = [];
  const payloads = new SqlitePayloadTable(assistant.db, { now: clock });
  const sentParts = new SqliteSentParts(assistant.db, { now: clock });

  let staffRelay: StaffRelay | undefined;
  let telegram: TelegramChannel | undefined;
  if (config.telegram) {
    const { staffChatId, staffUserIds } = config.telegram;
    const threads = staffChatId ? new StaffThreads(assistant.db) : undefined;
    if (staffChatId && threads) {
      staffRelay = new StaffRelay({
        db: assistant.db, store: assistant.store, threads, staffChatId, staffUserIds, deliver, respond, texts: assistant.staff, clock, log: log.child({ component: 'staff-relay' }),
        // The widget's userName is whatever the page sent.
        unverifiedNameChannels: [WEB_CHANNEL],
      });
    }
    const relay = staffRelay;
    telegram = telegramChannel({
      settings: config.telegram, db: assistant.db, payloads, sentParts, receive, deliver, respond,
      onStaffMessage: relay ? (message) => relay.onStaffMessage(message) : undefined,
      log: log.child({ component: 'telegram' }),
      overrides: options.telegram,
    });
    senders[TELEGRAM_CHANNEL] = telegram.sender;
    if (staffChatId && threads) senders[STAFF_CHANNEL] = staffChatSender({ telegram: telegram.connector.sender, staffChatId, threads, clock });
    routers.push(telegram.router);
  }
  if (config.whatsapp) {
    const whatsapp = whatsappChannel({ settings: config.whatsapp, store: assistant.store, payloads, sentParts, receive, clock, log: log.child({ component: 'whatsapp' }) });
    senders[WHATSAPP_CHANNEL] = whatsapp.sender;
    routers.push(whatsapp.router);
  }

  const engine = staffRelay ? relayHandovers(assistant.engine, { relay: staffRelay, log: log.child({ component: 'staff-relay' }) }) : assistant.engine;
  delivery = new DeliveryService({
    db: assistant.db,
    engine,
    store: assistant.store,
    senders,
    clock,
    log: log.child({ component: 'delivery' }),
    // A turn that keeps failing answers with an apology, never with silence or a 500.
    apology: () => respond('generic_error'),
    ...options.delivery,
  });
  // A typed phone is verified by a code sent to one of the client's messenger chats.
  const codeChannels = new Set(Object.keys(senders).filter((channel) => channel !== WEB_CHANNEL && channel !== STAFF_CHANNEL));
  assistant.identity.courier = channelCourier({ crm: assistant.crm, responses: assistant.responses, deliver, channels: codeChannels });
  await delivery.start();
  // A handover saved just before a crash may never have reached the staff chat.
  staffRelay?.postMissingSummaries();
  const app = createServerApp({ config, delivery, store: assistant.store, hub, routers, log: log.child({ component: 'http' }) });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
    listening.once('error', reject);
  });
  await telegram?.start();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? (address.address === '::' ? 'localhost' : `[${address.address}]`) : address.address;
  const url = `http://${host}:${address.port}`;
  log.info('server.listening', { url });
  for (const line of describeChannels(config.channels)) log.info('server.channel', { status: line });
  log.info('server.channel', { status: config.staffRelay.status });
  const running = delivery;
  return {
    url,
    port: address.port,
    delivery: running,
    hub,
    server,
    ...(telegram ? { telegram } : {}),
    ...(staffRelay ? { staffRelay } : {}),
    close: async () => {
      await telegram?.stop();
      running.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

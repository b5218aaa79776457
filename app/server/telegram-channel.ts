/**
 * The Telegram channel as the server runs it: the connector (polling or webhook) writing guests'
 * messages to the delivery inbox, its own replies (/start, /help) through the outbox, consents in the
 * database, the outbox's sender, and the webhook route.
 */
import express, { type Router } from 'express';
import type TelegramBot from 'node-telegram-bot-api';
import { SqliteConsents } from '../../connectors/storage';
import { isValidSecretToken, SECRET_TOKEN_HEADER, TELEGRAM_CHANNEL, TelegramConnector, telegramDeliverySender, type PollingOptions, type TelegramResponseKey } from '../../connectors/telegram';
import { type ChatPacer, type PayloadTable, type SentParts } from '../../connectors/messaging';
import type { Database } from 'better-sqlite3';
import type { ConversationKey } from '../../core';
import type { InboundMessage, Reply, Sender, Logger } from '../../common';
import type { TelegramSettings } from './telegram-settings';
import { announcedBodyUnder, checkBeforeBody, TELEGRAM_BODY_LIMIT } from './webhook-guard';

/** Where the server's Telegram webhook listens. */
export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

/** Test and tuning hooks: the long poll's length, the per-chat pace. */
export interface TelegramChannelOverrides {
  polling?: PollingOptions;
  pacer?: ChatPacer;
}

export interface TelegramChannelDeps {
  settings: TelegramSettings;
  db: Database;
  payloads: PayloadTable;
  sentParts: SentParts;
  /** Writes a guest's message to the inbox (`delivery.receive`): the update is acknowledged after it. */
  receive: (message: InboundMessage) => unknown;
  /** Queues replies no turn produced (`delivery.deliver`). */
  deliver: (key: ConversationKey, replies: Reply[]) => unknown;
  /** Renders a response key from content/responses.yaml. */
  respond: (key: string) => Reply;
  /** Messages of the staff chat (the staff relay), when one is configured. */
  onStaffMessage?: (message: TelegramBot.Message) => void | Promise<void>;
  log: Logger;
  overrides?: TelegramChannelOverrides;
}

/** A built Telegram channel. */
export interface TelegramChannel {
  connector: TelegramConnector;
  /** The outbox's sender for `telegram`. */
  sender: Sender;
  /** `POST /telegram/webhook` in webhook mode; nothing in polling mode. */
  router: Router;
  /** Starts polling, or registers the webhook URL when one is set. */
  start(): Promise<void>;
  /** Stops polling. */
  stop(): Promise<void>;
}

/**
 * Builds the Telegram channel (nothing is called on Telegram until `start()`).
 *
 * @example const telegram = telegramChannel({ settings: config.telegram, db, payloads, sentParts, receive, deliver, respond, log });
 */
export function telegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const { settings } = deps;
  const consents = new SqliteConsents(deps.db);
  const connector = new TelegramConnector({
    token: settings.token,
    mode: settings.mode,
    ...(settings.mode === 'webhook' ? { webhook: { secretToken: settings.webhookSecret!, url: settings.webhookUrl } } : {}),
    baseApiUrl: settings.apiUrl,
    onMessage: (message) => void deps.receive(message),
    staffChatId: settings.staffChatId,
    onStaffMessage: deps.onStaffMessage,
    respond: (key: TelegramResponseKey) => deps.respond(key),
    recordConsent: consents.record,
    deliverLocal: async (userId, reply) => deps.deliver({ channel: TELEGRAM_CHANNEL, userId }, [reply]),
    payloads: deps.payloads,
    sentParts: deps.sentParts,
    sharePhoneTitle: deps.respond('button_share_phone').text,
    pacer: deps.overrides?.pacer,
    polling: deps.overrides?.polling,
    logger: deps.log,
  });
  const router = express.Router();
  if (settings.mode === 'webhook') {
    router.post(
      TELEGRAM_WEBHOOK_PATH,
      // The secret is a header: a request without it is refused before its body is read.
      checkBeforeBody((req) => isValidSecretToken(req.headers[SECRET_TOKEN_HEADER], settings.webhookSecret ?? ''), 'missing or wrong X-Telegram-Bot-Api-Secret-Token', deps.log),
      announcedBodyUnder(TELEGRAM_BODY_LIMIT),
      express.raw({ type: '*/*', limit: TELEGRAM_BODY_LIMIT }),
      connector.webhookHandler(),
    );
  }
  return {
    connector,
    sender: telegramDeliverySender(connector.sender),
    router,
    start: async () => {
      try {
        await connector.start();
      } catch (error) {
        // The server still serves the other channels (and a webhook registered before keeps working).
        deps.log.error('telegram.start.failed', { err: error });
      }
    },
    stop: () => connector.stop(),
  };
}

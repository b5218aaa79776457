/**
 * The Telegram connector: node-telegram-bot-api underneath, long polling by default or a webhook
 * checked by its secret token. It turns updates into the engine's inbound messages (`onMessage`, which
 * should write them to the inbox), answers every button press, keeps photos as file references via
 * getFile, and answers `/start` (consent) and `/help` itself.
 */
import type { ServerResponse } from 'node:http';
import TelegramBot from 'node-telegram-bot-api';
import type { Reply, MessageAttachment, Logger } from '../../common';
import { type ConsentRecorder, isRefusedMessage, logSkipped, skipReason, type ChatPacer, type PayloadTable, type SentParts, readJsonBody, sendJson, type WebhookRequest } from '../messaging';
import { TelegramConfigError, toTelegramError } from './errors';
import { parseTelegramUpdate, TELEGRAM_CHANNEL, type ParsedTelegramUpdate, type TelegramInboundMessage } from './parse-update';
import { TelegramPoller } from './polling';
import { TelegramSender } from './sender';
import { isValidSecretToken, SECRET_TOKEN_HEADER, SECRET_TOKEN_PATTERN } from './webhook';

// Telegram reads arrays in form and query fields as JSON.
const ALLOWED_UPDATES = JSON.stringify(['message', 'callback_query']);

/** The response keys the connector renders itself. */
export type TelegramResponseKey = 'telegram_consent' | 'telegram_help';

export interface TelegramConnectorOptions {
  /** The bot token from @BotFather. */
  token: string;
  /** `polling` (default) or `webhook`. */
  mode?: 'polling' | 'webhook';
  /** Webhook mode: the secret Telegram must send; `url`, when given, is registered by `start()`. */
  webhook?: { secretToken: string; url?: string };
  /** The Bot API's address; default https://api.telegram.org (tests point it at a local fake). */
  baseApiUrl?: string;
  /** A guest's message (text, button payload, phone, photo): write it to the inbox. Throwing means "not taken": polling fetches the update again, a webhook answers 500 so Telegram redelivers. */
  onMessage: (message: TelegramInboundMessage) => void | Promise<void>;
  /** The staff chat for handover; its messages go to `onStaffMessage`, never to the engine. */
  staffChatId?: string;
  onStaffMessage?: (message: TelegramBot.Message) => void | Promise<void>;
  /** Renders a response key (text and buttons) from content/responses.yaml. */
  respond: (key: TelegramResponseKey) => Reply;
  /** Stores the consent `/start` shows. */
  recordConsent?: ConsentRecorder;
  /** Delivers the connector's own replies (/start, /help); default: straight through the sender. Pass the outbox here. */
  deliverLocal?: (userId: string, reply: Reply) => Promise<unknown>;
  /** Sender settings. */
  payloads?: PayloadTable;
  /** Where the parts of split replies already sent are noted (a durable one survives a restart). */
  sentParts?: SentParts;
  sharePhoneTitle?: string;
  pacer?: ChatPacer;
  /** Long polling: seconds a getUpdates is held open (default 25), backoff after failures (default 1,000 ms). */
  polling?: { timeoutSeconds?: number; backoffMs?: number };
  logger?: Logger;
}

/**
 * One Telegram bot.
 *
 * @example
 * const telegram = new TelegramConnector({ token, respond, onMessage: (m) => inbox.add(m), recordConsent });
 * await telegram.start();                          // long polling
 * outbox.register('telegram', telegram.sender);    // sender.send(userId, reply) → { messageId }
 */
export class TelegramConnector {
  readonly bot: TelegramBot;
  readonly sender: TelegramSender;
  private readonly poller: TelegramPoller | undefined;
  private readonly mode: 'polling' | 'webhook';

  constructor(private readonly options: TelegramConnectorOptions) {
    if (!options.token) throw new TelegramConfigError('Telegram bot token is empty', { hint: 'set TELEGRAM_BOT_TOKEN to the token @BotFather gave' });
    this.mode = options.mode ?? 'polling';
    if (this.mode === 'webhook' && !SECRET_TOKEN_PATTERN.test(options.webhook?.secretToken ?? '')) {
      throw new TelegramConfigError('Telegram webhook mode needs a secret token of 1–256 characters A–Z, a–z, 0–9, "_" or "-"', {
        hint: 'set TELEGRAM_WEBHOOK_SECRET (e.g. `openssl rand -hex 32`)',
      });
    }
    this.bot = new TelegramBot(options.token, { polling: false, webHook: false, baseApiUrl: options.baseApiUrl });
    this.sender = new TelegramSender(this.bot, { payloads: options.payloads, sentParts: options.sentParts, sharePhoneTitle: options.sharePhoneTitle, pacer: options.pacer });
    if (this.mode === 'polling') {
      this.poller = new TelegramPoller(this.bot, (update) => this.handleUpdate(update), { ...options.polling, logger: options.logger });
    }
  }

  /** Polling: starts the loop. Webhook: registers `webhook.url` with its secret, when a url is given. */
  async start(): Promise<void> {
    if (this.poller) {
      this.poller.start();
      return;
    }
    const { url, secretToken } = this.options.webhook ?? { secretToken: '' };
    if (url) {
      try {
        await this.bot.setWebHook(url, { secret_token: secretToken, allowed_updates: ALLOWED_UPDATES } as unknown as TelegramBot.SetWebHookOptions);
      } catch (error) {
        throw toTelegramError('setWebHook', error);
      }
    }
  }

  /** Stops polling (waits for the current request); a webhook simply stops being served. */
  async stop(): Promise<void> {
    await this.poller?.stop();
  }

  /**
   * Handles one update: answers a button press first (so the guest's spinner stops), then hands a
   * guest's message to `onMessage`, answers `/start` and `/help`, or relays a staff chat message.
   *
   * A malformed update (or one the inbox refuses for what it is) is skipped with a warning: redelivering
   * it would fail again.
   *
   * @throws whatever else `onMessage` throws (the update is then not acknowledged).
   */
  async handleUpdate(update: TelegramBot.Update): Promise<ParsedTelegramUpdate> {
    const parsed = parseTelegramUpdate(update, {
      payloads: this.sender.payloads,
      staffChatId: this.options.staffChatId,
      replyKeyboardTitles: (chatId) => this.sender.replyKeyboardTitles(chatId),
    });
    if ('callbackQueryId' in parsed && parsed.callbackQueryId) await this.answerCallback(parsed.callbackQueryId);
    switch (parsed.kind) {
      case 'message':
        await this.resolveFiles(parsed.message.attachments);
        try {
          await this.options.onMessage(parsed.message);
        } catch (error) {
          // A message the inbox refuses for what it is would be refused on every redelivery too.
          if (!isRefusedMessage(error)) throw error;
          const refused: ParsedTelegramUpdate = { kind: 'malformed', reason: skipReason(error) };
          logSkipped(this.options.logger, 'telegram.update.skipped', { reason: refused.reason, messageId: parsed.message.messageId }, { updateId: update.update_id });
          return refused;
        }
        break;
      case 'command':
        await this.answerCommand(parsed.command, parsed.message);
        break;
      case 'staff':
        await this.options.onStaffMessage?.(parsed.message);
        break;
      case 'ignored':
        this.options.logger?.debug('telegram.update.ignored', { updateId: update.update_id, reason: parsed.reason });
        break;
      case 'malformed':
        logSkipped(this.options.logger, 'telegram.update.skipped', { reason: parsed.reason }, { updateId: isObject(update) ? update.update_id : undefined });
        break;
    }
    return parsed;
  }

  /**
   * The webhook endpoint (express or node:http): 401 without the right secret token, 400 for a body
   * that is not JSON, 200 once the update is handled (in the inbox), 500 when it could not be, so
   * Telegram delivers it again.
   *
   * @example
   * app.post('/telegram/webhook', express.json(), telegram.webhookHandler());
   */
  webhookHandler(): (req: WebhookRequest, res: ServerResponse) => Promise<void> {
    return async (req, res) => {
      const secret = this.options.webhook?.secretToken ?? '';
      if (!isValidSecretToken(req.headers[SECRET_TOKEN_HEADER], secret)) {
        this.options.logger?.warn('telegram.webhook.bad_secret', { ip: req.socket?.remoteAddress });
        sendJson(res, 401, { error: 'unauthorized', message: 'missing or wrong X-Telegram-Bot-Api-Secret-Token' });
        return;
      }
      let update: TelegramBot.Update;
      try {
        update = (await readJsonBody(req)) as TelegramBot.Update;
        if (typeof update !== 'object' || update === null || typeof update.update_id !== 'number') throw new TypeError('not an update');
      } catch {
        sendJson(res, 400, { error: 'bad_request', message: 'the body is not a Telegram update' });
        return;
      }
      try {
        await this.handleUpdate(update);
        sendJson(res, 200, { ok: true });
      } catch (error) {
        this.options.logger?.error('telegram.webhook.failed', { updateId: update.update_id, error: String(error) });
        sendJson(res, 500, { error: 'internal', message: 'the update could not be taken; Telegram will redeliver it' });
      }
    };
  }

  private async answerCallback(id: string): Promise<void> {
    try {
      await this.sender.withRateLimitRetry('answerCallbackQuery', () => this.bot.answerCallbackQuery(id));
    } catch (error) {
      // An unanswered button only keeps spinning for a while: never a reason to drop the guest's choice.
      this.options.logger?.warn('telegram.callback.answer_failed', { error: String(error) });
    }
  }

  private async answerCommand(command: 'start' | 'help', message: TelegramInboundMessage): Promise<void> {
    const deliver = this.options.deliverLocal ?? ((userId: string, reply: Reply) => this.sender.send(userId, reply));
    if (command === 'start') {
      const reply = this.options.respond('telegram_consent');
      const fresh = await this.options.recordConsent?.({ channel: TELEGRAM_CHANNEL, userId: message.userId, at: message.at, messageId: message.messageId, text: reply.text });
      // A redelivered /start (its consent already stored) was answered the first time.
      if (fresh === false) return;
      await deliver(message.userId, reply);
      return;
    }
    await deliver(message.userId, this.options.respond('telegram_help'));
  }

  /** Adds getFile's `filePath` and `size` to file attachments; a failure keeps the bare fileId. */
  private async resolveFiles(attachments: MessageAttachment[] | undefined): Promise<void> {
    for (const attachment of attachments ?? []) {
      if (typeof attachment.fileId !== 'string' || attachment.type !== 'image') continue;
      try {
        const file = await this.sender.withRateLimitRetry('getFile', () => this.bot.getFile(attachment.fileId as string));
        // The download URL holds the bot token, so only the path is kept: the URL is built when needed.
        if (file.file_path) attachment.filePath = file.file_path;
        if (file.file_size) attachment.size = file.file_size;
      } catch (error) {
        this.options.logger?.warn('telegram.get_file.failed', { error: String(error) });
      }
    }
  }
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null;
}

/**
 * Sends assistant replies to Telegram chats through node-telegram-bot-api: rendered by
 * `renderTelegramReply`, paced to one message a second per chat, and retried after a 429 for as long as
 * Telegram's `retry_after` says. Other failures are thrown as typed errors for the outbox to retry
 * (`retryable`) or give up.
 */
import type TelegramBot from 'node-telegram-bot-api';
import type { Reply } from '../../common';
import { TelegramApiError, toTelegramError } from './errors';
import { ChatPacer, MemoryPayloadTable, type PayloadTable, type SentParts } from '../messaging';
import type { PhoneAwareReply } from './phone-request';
import { renderTelegramReply } from './render';

/** What a send produced: the id of the last message sent (the one carrying the buttons), and all ids. */
export interface TelegramSendResult {
  messageId: string;
  messageIds: string[];
}

/** How one reply is sent. */
export interface TelegramSendOptions {
  /**
   * The outbox's delivery id: with a {@link SentParts} record, parts of a split reply already sent under
   * this id are skipped when the reply is sent again (a retry, a restart).
   */
  deliveryId?: number;
  /** Sends the first part as a reply to this message of the chat (the staff chat's threads). */
  replyToMessageId?: number;
}

export interface TelegramSenderOptions {
  payloads?: PayloadTable;
  /** Where sent parts of split replies are noted (see {@link TelegramSendOptions.deliveryId}). */
  sentParts?: SentParts;
  /** Title of the contact-request button; default "Поделиться номером". */
  sharePhoneTitle?: string;
  phoneResponses?: ReadonlySet<string>;
  /** Pacing per chat (default one message a second). */
  pacer?: ChatPacer;
  /** How many times a 429 is waited out before the error is thrown; default 3. */
  maxRateLimitRetries?: number;
  /** Longest `retry_after` waited out in place (seconds); a longer one is thrown for the outbox. Default 60. */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Sends replies to Telegram chats. One instance per bot; shared by the connector and the outbox. */
export class TelegramSender {
  readonly payloads: PayloadTable;
  private readonly pacer: ChatPacer;
  private readonly sharePhoneTitle: string;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Chats that show a reply keyboard (the phone request): its titles → payloads. */
  private readonly replyKeyboards = new Map<string, Record<string, string>>();

  constructor(
    private readonly bot: TelegramBot,
    private readonly options: TelegramSenderOptions = {},
  ) {
    this.payloads = options.payloads ?? new MemoryPayloadTable();
    this.pacer = options.pacer ?? new ChatPacer();
    this.sharePhoneTitle = options.sharePhoneTitle ?? 'Поделиться номером';
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Sends a reply to a chat (a guest's user id, or the staff chat). Parts of a long text go in order,
   * the buttons under the last part. With a `deliveryId`, parts sent before under it are not sent again.
   *
   * @throws {TelegramApiError} when Telegram refuses (`retryable` for 429 and 5xx).
   * @throws {TelegramNetworkError} when Telegram cannot be reached.
   * @example
   * const { messageId } = await sender.send('42', { text: 'Куда записать?', buttons: [{ title: 'Тверская', payload: '/slot branch=tverskaya' }] });
   */
  send(chatId: string, reply: Reply | PhoneAwareReply, options: TelegramSendOptions = {}): Promise<TelegramSendResult> {
    return this.pacer.run(chatId, async (paced) => {
      const rendering = renderTelegramReply(reply, {
        payloads: this.payloads,
        sharePhoneTitle: this.sharePhoneTitle,
        phoneResponses: this.options.phoneResponses,
        removeKeyboard: this.replyKeyboards.has(chatId),
      });
      const showsInlineKeyboard = hasInlineKeyboard(rendering.messages);
      const { deliveryId } = options;
      const record = deliveryId === undefined ? undefined : this.options.sentParts;
      const already = record?.of(deliveryId!) ?? new Map<number, string>();
      const ids: string[] = [];
      for (const [part, message] of rendering.messages.entries()) {
        const sentBefore = already.get(part);
        if (sentBefore !== undefined) {
          ids.push(sentBefore);
          continue;
        }
        // The library serialises `reply_markup` in the object it is given: each attempt gets its own copy.
        const sendOptions: TelegramBot.SendMessageOptions = { ...message.options };
        if (part === 0 && options.replyToMessageId !== undefined) {
          Object.assign(sendOptions, { reply_to_message_id: options.replyToMessageId, allow_sending_without_reply: true });
        }
        const sent = await paced(() => this.withRateLimitRetry('sendMessage', () => this.bot.sendMessage(chatId, message.text, { ...sendOptions })));
        ids.push(String(sent.message_id));
        record?.record(deliveryId!, part, String(sent.message_id));
      }
      if (rendering.replyKeyboard) this.replyKeyboards.set(chatId, rendering.replyKeyboard.titles);
      else if (rendering.messages.length > 0 && !showsInlineKeyboard) this.replyKeyboards.delete(chatId);
      return { messageId: ids[ids.length - 1] ?? '', messageIds: ids };
    });
  }

  /** The titles → payloads of the reply keyboard a chat shows, if any (for `parseTelegramUpdate`). */
  replyKeyboardTitles(chatId: string): Record<string, string> | undefined {
    return this.replyKeyboards.get(chatId);
  }

  /**
   * Calls the Bot API, waiting out a 429's `retry_after` (up to `maxRateLimitRetries` times).
   * Used for every call the connector makes (answerCallbackQuery, getFile too).
   */
  async withRateLimitRetry<T>(method: string, call: () => Promise<T>): Promise<T> {
    const maxRetries = this.options.maxRateLimitRetries ?? 3;
    const maxWait = this.options.maxRetryAfterSeconds ?? 60;
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (raw) {
        const error = toTelegramError(method, raw);
        const waitable = error instanceof TelegramApiError && error.errorCode === 429 && attempt < maxRetries;
        if (!waitable || (error.retryAfter ?? 1) > maxWait) throw error;
        await this.sleep((error.retryAfter ?? 1) * 1000);
      }
    }
  }
}

function hasInlineKeyboard(messages: Array<{ options: TelegramBot.SendMessageOptions }>): boolean {
  return messages.some((m) => typeof m.options.reply_markup === 'object' && 'inline_keyboard' in m.options.reply_markup);
}

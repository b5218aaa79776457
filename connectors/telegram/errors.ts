/**
 * Errors of the Telegram connector. "Telegram refused" (`TelegramApiError`, with the Bot API's error code
 * and whether a retry can help) is kept apart from "the network failed" (`TelegramNetworkError`), as
 * grammY keeps `GrammyError` apart from `HttpError`, so that the outbox can decide to retry or give up.
 */
import { CocoError } from '../../common';

/** The Bot API answered `ok: false`: a bad request, a blocked bot, a rate limit that outlived the retries. */
export class TelegramApiError extends CocoError {
  /** The Bot API's `error_code` (an HTTP status: 400, 403, 429…). */
  readonly errorCode: number;
  readonly description: string;
  /** The method that failed (`sendMessage`, `answerCallbackQuery`…). */
  readonly method: string;
  /** Seconds Telegram asked to wait (429 only). */
  readonly retryAfter: number | undefined;
  /** True when sending again later may succeed (429, 5xx); false for 400 (bad request) and 403 (blocked). */
  readonly retryable: boolean;

  constructor(method: string, errorCode: number, description: string, retryAfter?: number, options: { cause?: unknown } = {}) {
    super(`Telegram refused ${method}: ${errorCode} ${description}`, {
      hint: hintFor(errorCode),
      cause: options.cause,
    });
    this.method = method;
    this.errorCode = errorCode;
    this.description = description;
    this.retryAfter = retryAfter;
    this.retryable = errorCode === 429 || errorCode >= 500;
  }
}

/** The Bot API could not be reached or answered something that is not JSON. Always worth a retry. */
export class TelegramNetworkError extends CocoError {
  readonly method: string;
  readonly retryable = true;

  constructor(method: string, detail: string, options: { cause?: unknown } = {}) {
    super(`Telegram ${method} failed: ${detail}`, {
      hint: 'check the network and TELEGRAM_API_URL (if set); the message stays in the outbox and is retried',
      cause: options.cause,
    });
    this.method = method;
  }
}

/** The Telegram connector was configured wrongly (a missing token, a webhook without a secret). */
export class TelegramConfigError extends CocoError {}

function hintFor(code: number): string | undefined {
  if (code === 401) return 'the bot token is wrong: check TELEGRAM_BOT_TOKEN (from @BotFather)';
  if (code === 403) return 'the guest blocked the bot or never started it; the message cannot be delivered';
  if (code === 429) return 'Telegram rate limit: sending is paced to one message a second per chat; it will be retried';
  if (code === 400) return 'the request was malformed (text too long, bad keyboard?); it will not be retried';
  return undefined;
}

/**
 * Turns an error of node-telegram-bot-api (`ETELEGRAM`, `EFATAL`, `EPARSE`) into ours.
 *
 * @example
 * try { await bot.sendMessage(chatId, text); } catch (error) { throw toTelegramError('sendMessage', error); }
 */
export function toTelegramError(method: string, error: unknown): TelegramApiError | TelegramNetworkError {
  if (error instanceof TelegramApiError || error instanceof TelegramNetworkError) return error;
  const e = error as { code?: string; message?: string; response?: { statusCode?: number; body?: unknown } };
  if (e?.code === 'ETELEGRAM' && e.response) {
    const body = (typeof e.response.body === 'object' && e.response.body !== null ? e.response.body : {}) as {
      error_code?: number;
      description?: string;
      parameters?: { retry_after?: number };
    };
    const code = body.error_code ?? e.response.statusCode ?? 0;
    return new TelegramApiError(method, code, body.description ?? String(e.message), body.parameters?.retry_after, { cause: error });
  }
  return new TelegramNetworkError(method, String(e?.message ?? error), { cause: error });
}

/**
 * Long polling with node-telegram-bot-api's `getUpdates`, acknowledging an update (moving the offset
 * past it) only after it was handled, so an update whose handling failed (the inbox could not be
 * written) is fetched again instead of lost. The library's own polling moves the offset first.
 */
import type TelegramBot from 'node-telegram-bot-api';
import type { Logger } from '../../common';
import { TelegramApiError, toTelegramError } from './errors';

export interface PollingOptions {
  /** Seconds Telegram holds a getUpdates open; default 25. */
  timeoutSeconds?: number;
  /** Wait after a failed getUpdates or handler, doubling up to `maxBackoffMs`; default 1,000 ms. */
  backoffMs?: number;
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

/** Polls until `stop()`; hands each update to `handle`, in order. */
export class TelegramPoller {
  private running = false;
  private loop: Promise<void> | undefined;
  private offset = 0;
  private wake: (() => void) | undefined;

  constructor(
    private readonly bot: TelegramBot,
    private readonly handle: (update: TelegramBot.Update) => Promise<unknown>,
    private readonly options: PollingOptions = {},
  ) {}

  /** Starts the loop (idempotent). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the current request ends (or fails, when the API goes away); waits for the loop. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  get isRunning(): boolean {
    return this.running;
  }

  private async run(): Promise<void> {
    let backoff = this.options.backoffMs ?? 1000;
    while (this.running) {
      try {
        const updates = await this.bot.getUpdates({
          offset: this.offset,
          timeout: this.options.timeoutSeconds ?? 25,
          // Telegram reads arrays in form fields as JSON.
          allowed_updates: JSON.stringify(['message', 'callback_query']),
        } as unknown as TelegramBot.GetUpdatesOptions);
        for (const update of updates) {
          if (!this.running) return;
          await this.handle(update);
          this.offset = update.update_id + 1;
        }
        backoff = this.options.backoffMs ?? 1000;
      } catch (raw) {
        if (!this.running) return;
        const error = toTelegramError('getUpdates', raw);
        if (error instanceof TelegramApiError && error.errorCode === 409) {
          // A webhook is set: polling and a webhook exclude each other; polling is what was asked for.
          this.options.logger?.warn('telegram.polling.webhook_removed', {});
          await this.bot.deleteWebHook().catch(() => undefined);
          continue;
        }
        this.options.logger?.warn('telegram.polling.failed', { error: error.message, retryInMs: backoff });
        await this.pause(error instanceof TelegramApiError && error.retryAfter ? error.retryAfter * 1000 : backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 30_000);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.options.sleep) return this.options.sleep(ms);
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

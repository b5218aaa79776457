/**
 * Paces sends per chat: one call at a time per chat, in order, at least `intervalMs` apart (Telegram
 * allows about one message a second in a private chat, and 20 a minute in a group — the staff chat).
 * Different chats do not wait for each other.
 */

export interface PacerOptions {
  /** Minimum time between two sends to one chat; default 1,000 ms. */
  intervalMs?: number;
  /** Minimum time between two sends to a group (a chat id below 0); default 3,000 ms (20 a minute), never less than `intervalMs`. */
  groupIntervalMs?: number;
  /** The clock, in ms (injected for tests). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A per-key serial queue with a minimum interval between tasks of one key. */
export class ChatPacer {
  private readonly intervalMs: number;
  private readonly groupIntervalMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly lastSent = new Map<string, number>();

  constructor(options: PacerOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.groupIntervalMs = Math.max(this.intervalMs, options.groupIntervalMs ?? (options.intervalMs === 0 ? 0 : 3000));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Runs `task` for `chatId` after the chat's earlier tasks, and no sooner than `intervalMs` after the
   * chat's previous send. `task` may call `mark()` again between parts (each part counts as one send).
   *
   * @example
   * await pacer.run('42', async (paced) => { await paced(() => bot.sendMessage(42, 'a')); await paced(() => bot.sendMessage(42, 'b')); });
   */
  run<T>(chatId: string, task: (paced: <R>(send: () => Promise<R>) => Promise<R>) => Promise<T>): Promise<T> {
    const paced = async <R>(send: () => Promise<R>): Promise<R> => {
      const interval = chatId.startsWith('-') ? this.groupIntervalMs : this.intervalMs;
      const wait = (this.lastSent.get(chatId) ?? -Infinity) + interval - this.now();
      if (wait > 0) await this.sleep(wait);
      try {
        return await send();
      } finally {
        this.lastSent.set(chatId, this.now());
      }
    };
    const previous = this.tails.get(chatId) ?? Promise.resolve();
    const result = previous.then(() => task(paced));
    const tail = result.catch(() => undefined);
    this.tails.set(chatId, tail);
    void tail.then(() => {
      if (this.tails.get(chatId) === tail) this.tails.delete(chatId);
    });
    return result;
  }
}

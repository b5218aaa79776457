/**
 * One-at-a-time execution per key, for turns: two messages of one guest arriving together must not both
 * load the same state and overwrite each other's turn. Within one process only; across processes the
 * store's version check turns the race into a `ConcurrentUpdateError`.
 */

/**
 * Serialises async work per key: tasks of one key run one at a time, in the order `run` was called;
 * tasks of different keys run in parallel. A failing task rejects its own promise only; the next task of
 * the key still runs. A key is forgotten as soon as its last task settles, so idle conversations cost
 * nothing.
 *
 * @example
 * const turns = new KeyedMutex();
 * app.post('/webhook', async (req, res) => {
 *   const replies = await turns.run(conversationId(key), () => engine.handle(message));
 *   res.json(replies);
 * });
 */
export class KeyedMutex {
  /** Per busy key: a promise that settles when the key's last queued task has settled. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `task` after every task queued before it under `key`; resolves or rejects as the task does. */
  run<T>(key: string, task: () => T | Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // `then` also turns a synchronous throw of the task into a rejection.
    const result = previous.then(task);
    const tail = result.then(ignore, ignore);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** True while a task of `key` is running or queued. */
  isBusy(key: string): boolean {
    return this.tails.has(key);
  }

  /** How many keys have a task running or queued (for metrics, and for tests that check nothing leaks). */
  get busyKeys(): number {
    return this.tails.size;
  }
}

function ignore(): void {}

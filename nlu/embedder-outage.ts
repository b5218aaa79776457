/**
 * An outage of a remote embedder, told once: the first failed message warns, later ones stay quiet,
 * and the first message embedded again ends the outage (so the next failure warns again).
 */
import type { Logger } from '../common';

/** Where an outage is told. */
export type OutageLog = Pick<Logger, 'warn' | 'info'>;

export class EmbedderOutage {
  private since?: Date;
  private misses = 0;

  constructor(
    private readonly embedder: string,
    private readonly log: OutageLog | undefined,
  ) {}

  /** True while messages are answered by the offline featuriser. */
  get ongoing(): boolean {
    return this.since !== undefined;
  }

  /** A message could not be embedded: warns when this starts an outage. */
  failed(error: unknown): void {
    this.misses++;
    if (this.since) return;
    this.since = new Date();
    this.log?.warn('nlu.embedder.unavailable', { embedder: this.embedder, fallback: 'offline', err: error });
  }

  /** A message was embedded: ends an outage, saying how many messages it cost. */
  succeeded(): void {
    if (!this.since) return;
    this.log?.info('nlu.embedder.recovered', { embedder: this.embedder, messages: this.misses, ms: Date.now() - this.since.getTime() });
    this.since = undefined;
    this.misses = 0;
  }
}

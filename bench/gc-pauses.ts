/**
 * The garbage collector's pauses of the main thread during a run, to tell a slow turn's own work from a
 * collection that happened to stop the world while it ran.
 */
import { PerformanceObserver, performance, constants, type PerformanceEntry } from 'node:perf_hooks';

interface Pause {
  start: number;
  end: number;
  major: boolean;
}

/** A turn's span on `performance.now()`'s clock. */
export interface Span {
  start: number;
  end: number;
}

export interface SlowTurnReport {
  /** Turns slower than the threshold. */
  slow: number;
  /** Of those, the turns a collection paused. */
  withPause: number;
  /** All pauses in the run: count, total and longest, minor (scavenge) and major apart. */
  minor: { count: number; totalMs: number; maxMs: number };
  major: { count: number; totalMs: number; maxMs: number };
}

/**
 * Records every GC pause from `start()` to `stop()`.
 *
 * @example
 * const pauses = new GcPauses(); pauses.start(); … ; pauses.stop();
 * pauses.explain(spans, latencies, 5) // how many turns over 5 ms had a pause inside
 */
export class GcPauses {
  private readonly pauses: Pause[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.pauses.push(toPause(entry));
  });

  start(): void {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Stops recording, once the entries queued so far are delivered (Node hands them over on a timer). */
  async stop(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    this.observer.disconnect();
  }

  /** How many turns over `thresholdMs` overlapped a pause, and the pauses of the run. */
  explain(spans: Span[], latencies: number[], thresholdMs: number): SlowTurnReport {
    const sorted = [...this.pauses].sort((a, b) => a.start - b.start);
    let slow = 0;
    let withPause = 0;
    spans.forEach((span, index) => {
      if (latencies[index] <= thresholdMs) return;
      slow++;
      if (sorted.some((p) => p.start < span.end && p.end > span.start)) withPause++;
    });
    const summary = (major: boolean) => {
      const own = sorted.filter((p) => p.major === major).map((p) => p.end - p.start);
      return { count: own.length, totalMs: own.reduce((s, d) => s + d, 0), maxMs: own.length ? Math.max(...own) : 0 };
    };
    return { slow, withPause, minor: summary(false), major: summary(true) };
  }
}

/** The clock turn spans are measured on (the one GC entries use). */
export const now = (): number => performance.now();

function toPause(entry: PerformanceEntry): Pause {
  const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
  return { start: entry.startTime, end: entry.startTime + entry.duration, major: kind !== constants.NODE_PERFORMANCE_GC_MINOR };
}

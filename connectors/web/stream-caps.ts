/** How many event streams are open per session and per client IP, with a cap on each. */
import type { WebLimits } from './limits';

/** Why a stream was refused. */
export type StreamRefusal = 'session' | 'ip';

/**
 * Counts open event streams. Each open stream holds a socket and a hub listener, so a client opening
 * hundreds would exhaust the server: past a cap, the stream is refused (429).
 *
 * @example
 * const opened = caps.open(sessionId, req.ip);
 * if (typeof opened !== 'function') throw tooManyStreams(opened);
 * req.on('close', opened);
 */
export class StreamCaps {
  private readonly bySession = new Map<string, number>();
  private readonly byIp = new Map<string, number>();

  constructor(private readonly limits: Pick<WebLimits, 'streamsPerSession' | 'streamsPerIp'>) {}

  /** Counts a stream in, returning the function that counts it out (call it once); or why it is refused. */
  open(sessionId: string, ip: string): (() => void) | StreamRefusal {
    if ((this.bySession.get(sessionId) ?? 0) >= this.limits.streamsPerSession) return 'session';
    if ((this.byIp.get(ip) ?? 0) >= this.limits.streamsPerIp) return 'ip';
    add(this.bySession, sessionId, 1);
    add(this.byIp, ip, 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      add(this.bySession, sessionId, -1);
      add(this.byIp, ip, -1);
    };
  }

  /** Open streams in all (tests check nothing leaks). */
  get size(): number {
    let n = 0;
    for (const count of this.bySession.values()) n += count;
    return n;
  }
}

function add(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

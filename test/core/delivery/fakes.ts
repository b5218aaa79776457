import Database from 'better-sqlite3';
import type { TurnResult } from '../../../core/dialogue/types';
import type { InboundMessage, OutboundMessage, Sender } from '../../../common';
import type { Timers } from '../../../core/delivery';

/** A turn result with one reply per message: "re: <text>". */
export function echoTurn(message: InboundMessage, replies = [`re: ${message.text ?? message.payload}`]): TurnResult {
  return {
    conversationId: `${message.channel}:${message.userId}`,
    replies: replies.map((text) => ({ text, buttons: [] })),
    intent: null, confidence: 0, entities: [], ranking: [], flow: null, awaiting: null, slots: {}, handedOver: false, events: [],
  };
}

/** An engine answering every message with an echo, after `delay()` ms, recording what it saw. */
export function echoEngine(delay: () => number = () => 0) {
  const handled: InboundMessage[] = [];
  let running = 0;
  let overlapped = false;
  return {
    handled,
    get overlapped() { return overlapped; },
    async handle(message: InboundMessage): Promise<TurnResult> {
      if (running++ > 0) overlapped = true;
      handled.push(message);
      await new Promise((resolve) => setTimeout(resolve, delay()));
      running--;
      return echoTurn(message);
    },
  };
}

/** A sender recording what it sent; `fail` decides per message whether to throw instead. */
export function recordingSender(fail: (message: OutboundMessage) => Error | undefined = () => undefined): Sender & { sent: OutboundMessage[]; tries: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  const tries: OutboundMessage[] = [];
  return {
    sent,
    tries,
    async send(message) {
      tries.push(message);
      const error = fail(message);
      if (error) throw error;
      sent.push(message);
      return { messageId: `m${message.deliveryId}` };
    },
  };
}

/** A clock the test moves, and timers that fire when the test says. */
export function manualTime(start = '2026-11-24T09:00:00.000Z') {
  let now = Date.parse(start);
  const waiting: Array<{ at: number; callback: () => void; handle: number }> = [];
  let handles = 0;
  const timers: Timers = {
    setTimeout(callback, ms) {
      const handle = ++handles;
      waiting.push({ at: now + ms, callback, handle });
      return handle;
    },
    clearTimeout(handle) {
      const index = waiting.findIndex((w) => w.handle === handle);
      if (index >= 0) waiting.splice(index, 1);
    },
  };
  return {
    clock: () => new Date(now),
    timers,
    waiting,
    /** Moves the clock and fires the timers that are due. */
    advance(ms: number) {
      now += ms;
      for (const due of waiting.filter((w) => w.at <= now)) {
        waiting.splice(waiting.indexOf(due), 1);
        due.callback();
      }
    },
  };
}

/** A conversation log that knows nothing (no turn was committed before a crash). */
export const emptyLog = { messages: () => [] };

export function memoryDb(): Database.Database {
  return new Database(':memory:');
}

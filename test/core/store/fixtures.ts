/**
 * Fixtures of the store tests: a temp folder for database files (a file, not `:memory:`, so a test can
 * close the database and open it again as a restarted process would), a frozen clock, and a tiny XState
 * booking flow to persist.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assign, setup } from 'xstate';
import { emptyConversationState, type ConversationState } from '../../../core/store';
import { removeTempDir } from '../../support/temp';

/** A fresh temp folder with a database path in it; `remove()` deletes the folder and the WAL files. */
export function tempDatabase(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'coco-store-'));
  return { path: join(dir, 'coco.db'), remove: () => removeTempDir(dir) };
}

/** A clock frozen at `iso` that tests move forward by hand. */
export function frozenClock(iso = '2026-11-27T09:00:00.000Z'): { now: () => Date; advance(ms: number): void } {
  let time = Date.parse(iso);
  return { now: () => new Date(time), advance: (ms) => (time += ms) };
}

export const TELEGRAM_GUEST = { channel: 'telegram', userId: '5550001' };

/** A state with a given stack and slots, the rest as at the start. */
export function stateWith(overrides: Partial<ConversationState>): ConversationState {
  return { ...emptyConversationState(), ...overrides };
}

type BookingEvent = { type: 'SERVICE'; service: string } | { type: 'BRANCH'; branch: string } | { type: 'CONFIRM' };

/** A booking flow in miniature: service, branch, then a confirmation sub-state, then done. */
export const bookingMachine = setup({
  types: {
    context: {} as { service?: string; branch?: string; asked: number },
    events: {} as BookingEvent,
  },
}).createMachine({
  id: 'booking',
  context: { asked: 0 },
  initial: 'collect_service',
  states: {
    collect_service: {
      entry: assign({ asked: ({ context }) => context.asked + 1 }),
      on: { SERVICE: { target: 'collect_branch', actions: assign({ service: ({ event }) => event.service }) } },
    },
    collect_branch: {
      entry: assign({ asked: ({ context }) => context.asked + 1 }),
      on: { BRANCH: { target: 'confirm', actions: assign({ branch: ({ event }) => event.branch }) } },
    },
    confirm: {
      initial: 'asking',
      states: { asking: { on: { CONFIRM: '#booking.done' } } },
    },
    done: { type: 'final' },
  },
});

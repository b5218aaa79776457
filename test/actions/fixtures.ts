/** Shared fixtures of the salon tests: the shipped content, the demo CRM on `:memory:`, a frozen clock. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { createDemoCrm, type Booking, type DemoCrm, type SlotOffer } from '../../crm';
import type { ActionResult, ConversationInfo, FlowInput, FlowRegistry } from '../../core/flow-machines';
import { loadResponses } from '../../core/responses';
import { createSalonRegistry, createVariableBuilder, type SalonDeps, type SalonVariableBuilder } from '../../actions';
import { catalog, msk, NOW, rules, window } from '../crm/fixtures';

export { catalog, msk, NOW, rules, window };

export const ROOT = path.join(__dirname, '../..');
export const responses = loadResponses(path.join(ROOT, 'content/responses.yaml'));

/** The demo guests' phones. */
export const PHONES = {
  anna: '+79990000001',
  maria: '+79990000002',
  katya: '+79990000003',
  irina: '+79990000004',
  tatiana: '+79990000005',
} as const;

/** A guest writing from Telegram whom the CRM does not know yet. */
export const CONVERSATION: ConversationInfo = { id: 'telegram:100', channel: 'telegram', userId: '100' };

export interface Salon {
  crm: DemoCrm;
  db: Database.Database;
  deps: SalonDeps;
  registry: FlowRegistry;
  variables: SalonVariableBuilder;
  /** Runs a registered action by name. */
  run(action: string, slots?: Record<string, unknown>, options?: InputOptions): Promise<ActionResult>;
  /** The client id of a phone. */
  clientOf(phone: string): Promise<string>;
}

export interface InputOptions {
  params?: Record<string, unknown>;
  conversation?: Partial<ConversationInfo>;
  flow?: string;
}

/** What an action, guard or button provider gets. */
export function input(slots: Record<string, unknown> = {}, options: InputOptions = {}): FlowInput {
  return { flow: options.flow ?? 'booking', slots, params: options.params ?? {}, conversation: { ...CONVERSATION, ...options.conversation } };
}

/** The salon on a demo CRM seeded at {@link NOW} (or empty, so a test sets up exactly its bookings). */
export function salon(options: { seed?: boolean } = {}): Salon {
  const db = new Database(':memory:');
  const clock = () => NOW;
  const crm = createDemoCrm({ db, catalog, rules, clock, seed: options.seed ?? true });
  const deps: SalonDeps = { crm, catalog, rules, clock, responses };
  const registry = createSalonRegistry(deps);
  return {
    crm, db, deps, registry,
    variables: createVariableBuilder(deps),
    run: async (action, slots = {}, opts = {}) => (await registry.actions[action](input(slots, opts))) ?? {},
    clientOf: async (phone) => {
      const client = await crm.findClientByPhone(phone);
      if (!client) throw new Error(`no demo client with phone ${phone}`);
      return client.id;
    },
  };
}

/** A time preference as the NLU gives it. */
export function when(...windows: Array<{ from: string; to: string }>) {
  return { windows, source: 'тест' };
}

/** A free slot as findFreeSlots gives it; override what the test is about. */
export function offer(overrides: Partial<SlotOffer> & { start: string }): SlotOffer {
  return {
    end: overrides.start, branch: 'tverskaya', master: 'olga', services: ['manicure_gel'], price: 3770, priceFrom: false, minutes: 90,
    ...overrides,
  };
}

/** A booking as the CRM gives it; override what the test is about. */
export function booking(overrides: Partial<Booking> & { id: string; start: string }): Booking {
  return {
    status: 'booked', branch: 'tverskaya', master: 'marina', services: ['pedicure_gel'], end: overrides.start, guestName: 'Анна Петрова',
    phone: PHONES.anna, clientId: 'C1', price: 3600, createdAt: msk('2026-11-20 10:00'),
    ...overrides,
  };
}

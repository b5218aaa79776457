/**
 * The isolated world of one transcript case: a fresh assistant on an in-memory database (its own
 * conversation store and demo CRM, seeded for the case's clock), the clock frozen at the case's `now`,
 * no LLM, and the case's fixtures applied.
 */
import type { Nlu } from '../nlu';
import { createAssistant, type Assistant, type AssistantContent } from '../app';
import { CocoError } from '../common';
import type { Database } from 'better-sqlite3';
import type { Catalog, Rules } from '../salon';
import { createDemoCrm, CrmUnavailableError, type Crm, type DemoCrm, restoreDemoData, snapshotDemoData, type DemoSnapshot } from '../crm';
import { openDatabase, type FlowInspector } from '../core';
import type { CaseSpec } from './types';

/** What every case of a run shares: the trained NLU, the content and the flows folder. */
export interface TranscriptEnvironment {
  nlu: Nlu;
  content: AssistantContent;
  contentDir: string;
  flowsDir: string;
  /** Sees the flows' XState inspection events (coverage). */
  inspect?: FlowInspector;
}

/** The assistant of one case and the demo CRM behind it (fixtures, checks). */
export interface CaseAssistant {
  assistant: Assistant;
  /** The demo CRM itself, never failing (the assistant's may be switched off by `crm_unavailable`). */
  crm: DemoCrm;
  close(): void;
}

/** A fixture that cannot be set up: an unknown master, a bad phone, an unknown CRM method. */
export class FixtureError extends CocoError {}

/** The CRM methods a transcript may switch off. */
const CRM_METHODS: ReadonlyArray<keyof Crm> = [
  'findFreeSlots', 'createBooking', 'moveBooking', 'cancelBooking', 'addServices', 'getBooking', 'listBookings', 'findClientByPhone',
  'findClientByUser', 'linkClientUser', 'linkedUsers', 'upcomingBookings', 'lastCompletedVisit', 'visitHistory', 'createComplaintTicket', 'updateComplaintTicket',
];

/**
 * Builds the assistant of a case and applies its fixtures: clients, bookings and visits, the guest's
 * phone linked to the channel user, CRM methods switched off.
 *
 * @throws {FixtureError} when a fixture cannot be set up.
 */
export async function openCaseAssistant(spec: CaseSpec, env: TranscriptEnvironment): Promise<CaseAssistant> {
  const unknown = spec.fixtures.crmUnavailable.filter((m) => !(CRM_METHODS as string[]).includes(m));
  if (unknown.length) throw new FixtureError(`unknown CRM method ${unknown.map((m) => `"${m}"`).join(', ')} in crm_unavailable`, { hint: `use one of: ${CRM_METHODS.join(', ')}` });
  const now = new Date(spec.now);
  const clock = () => new Date(now.getTime());
  let demo: DemoCrm | undefined;
  const assistant = createAssistant({
    contentDir: env.contentDir,
    flowsDir: env.flowsDir,
    database: ':memory:',
    clock,
    nlu: env.nlu,
    content: env.content,
    inspect: env.inspect,
    // identity_code: every client has a verified chat that receives this code.
    ...(spec.fixtures.identityCode !== undefined && { identity: { courier: { sendCode: async () => true }, newCode: () => spec.fixtures.identityCode! } }),
    crm: (db, { catalog, rules }) => {
      restoreDemoData(db, seededAt(now, catalog, rules));
      demo = createDemoCrm({ db, catalog, rules, clock });
      return switchedOff(demo, spec.fixtures.crmUnavailable);
    },
  });
  try {
    await applyFixtures(spec, demo!);
  } catch (error) {
    assistant.close();
    if (error instanceof CocoError) throw new FixtureError(`the fixtures of case "${spec.name}" cannot be set up: ${error.message.split('\n')[0]}`, { hint: error.hint, cause: error });
    throw error;
  }
  return { assistant, crm: demo!, close: () => assistant.close() };
}

/** Seeded demo data by the moment it was seeded for (the seed depends on it), shared by the cases of a run. */
const seeds = new Map<number, DemoSnapshot>();

/** The demo CRM's data as seeded at `now`: seeded once per moment, then copied into each case's database. */
function seededAt(now: Date, catalog: Catalog, rules: Rules): DemoSnapshot {
  let snapshot = seeds.get(now.getTime());
  if (!snapshot) {
    const db: Database = openDatabase(':memory:');
    createDemoCrm({ db, catalog, rules, clock: () => now });
    snapshot = snapshotDemoData(db);
    db.close();
    seeds.set(now.getTime(), snapshot);
  }
  return snapshot;
}

async function applyFixtures(spec: CaseSpec, crm: DemoCrm): Promise<void> {
  const { fixtures, guest } = spec;
  for (const client of fixtures.clients) await crm.addClient(client);
  // The guest's own client first, so visits and bookings with the guest's phone need no name.
  if (guest.phone) {
    const client = (await crm.findClientByPhone(guest.phone)) ?? (await crm.addClient({ name: guest.name ?? 'Гость', phone: guest.phone }));
    await crm.linkClientUser(client.id, guest.channel, guest.user);
  }
  for (const visit of fixtures.visits) await crm.addVisit(visit);
  for (const booking of fixtures.bookings) await crm.addBooking(booking);
}

/** The CRM with some methods failing as an unreachable CRM does. */
function switchedOff(crm: Crm, methods: readonly string[]): Crm {
  if (methods.length === 0) return crm;
  return new Proxy(crm, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !methods.includes(property) || typeof value !== 'function') return value;
      return async () => {
        throw new CrmUnavailableError('demo', { detail: `${property} is switched off by the transcript (crm_unavailable)` });
      };
    },
  });
}

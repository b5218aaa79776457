/** Shared fixtures of the CRM tests: the salon's content, a frozen clock and demo CRMs on `:memory:`. */
import Database from 'better-sqlite3';
import path from 'node:path';
import { loadCatalog } from '../../salon/catalog';
import { loadRules } from '../../salon/rules';
import { createDemoCrm, type DemoCrm, type TimeWindow } from '../../crm';

const CONTENT = path.join(__dirname, '../../content');

export const catalog = loadCatalog(path.join(CONTENT, 'catalog.yaml'));
export const rules = loadRules(path.join(CONTENT, 'rules.yaml'));

/** Tuesday 24 November 2026, noon in Moscow. */
export const NOW = new Date('2026-11-24T12:00:00+03:00');

/** A salon-time ISO string: `msk('2026-11-25 10:00')` is `2026-11-25T10:00:00+03:00`. */
export function msk(local: string): string {
  return `${local.replace(' ', 'T')}:00+03:00`;
}

/** A window of start times, both ends inclusive: `window('2026-11-25 18:00', '22:00')`. */
export function window(from: string, to: string): TimeWindow {
  return { from: msk(from), to: msk(`${from.slice(0, 10)} ${to}`) };
}

/** A clock the test may move. */
export interface TestClock {
  now: Date;
  read: () => Date;
}

export function testClock(now: Date = NOW): TestClock {
  const clock: TestClock = { now, read: () => clock.now };
  return clock;
}

/** A demo CRM without seeded data, so each test sets up exactly the bookings it needs. */
export function emptyCrm(clock: TestClock = testClock()): { crm: DemoCrm; db: Database.Database } {
  const db = new Database(':memory:');
  return { crm: createDemoCrm({ db, catalog, rules, clock: clock.read, seed: false }), db };
}

/** A demo CRM seeded at `now`. */
export function seededCrm(now: Date = NOW): { crm: DemoCrm; db: Database.Database } {
  const db = new Database(':memory:');
  return { crm: createDemoCrm({ db, catalog, rules, clock: () => now }), db };
}

/** A booking request for Анна Петрова; override what the test is about. */
export function request(overrides: { services?: string[]; branch?: string; master?: string; start: string; guestName?: string; phone?: string; channel?: string; clientUserId?: string; guaranteeFix?: { ticketId: string } }) {
  return { services: ['manicure_gel'], branch: 'tverskaya', master: 'olga', guestName: 'Анна Петрова', phone: '+79990000001', ...overrides };
}

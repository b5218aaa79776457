/**
 * The demo CRM's tables in the engine's SQLite database, all prefixed `crm_`. Times are stored as epoch
 * milliseconds (compared in queries) and shown as ISO strings in salon time; ids are integers shown with
 * a letter (`B12`, `C3`, `T1`).
 */
import type { Database } from 'better-sqlite3';
import { runMigrations, type MigrationStep } from '../../common';
import { CrmError } from '../errors';

/**
 * The demo CRM's migrations. Step 1 adopts a database created before the tables were versioned (its
 * tables exist, so each is created only if missing); the version is the `schema_version` row of `crm_meta`,
 * which also keeps the seed date.
 */
export const CRM_MIGRATIONS: readonly MigrationStep[] = [
  {
    version: 1,
    description: 'clients, their chats, bookings and complaint tickets',
    up: (db) =>
      db.exec(`
    CREATE TABLE IF NOT EXISTS crm_clients (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      phone TEXT NOT NULL UNIQUE
    );

    CREATE TABLE IF NOT EXISTS crm_client_users (
      channel TEXT NOT NULL,
      user_id TEXT NOT NULL,
      client_id INTEGER NOT NULL REFERENCES crm_clients (id),
      PRIMARY KEY (channel, user_id)
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS crm_bookings (
      id INTEGER PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'completed')),
      branch TEXT NOT NULL,
      master TEXT NOT NULL,
      services TEXT NOT NULL, -- a JSON array of service ids
      start_ms INTEGER NOT NULL,
      end_ms INTEGER NOT NULL,
      guest_name TEXT NOT NULL,
      phone TEXT NOT NULL,
      client_id INTEGER NOT NULL REFERENCES crm_clients (id),
      price INTEGER NOT NULL,
      created_ms INTEGER NOT NULL
    );
    -- The slot search asks for one master's booked intervals of one day.
    CREATE INDEX IF NOT EXISTS crm_bookings_booked_master_start ON crm_bookings (master, start_ms) WHERE status = 'booked';
    CREATE INDEX IF NOT EXISTS crm_bookings_client_start ON crm_bookings (client_id, start_ms);

    CREATE TABLE IF NOT EXISTS crm_tickets (
      id INTEGER PRIMARY KEY,
      created_ms INTEGER NOT NULL,
      client_id INTEGER,
      phone TEXT,
      branch TEXT NOT NULL,
      visit_date TEXT NOT NULL,
      master TEXT NOT NULL,
      service TEXT NOT NULL,
      description TEXT NOT NULL,
      photo TEXT,
      outcome TEXT NOT NULL,
      within_guarantee INTEGER NOT NULL,
      booking_id TEXT
    );
  `),
  },
  {
    version: 2,
    description: 'idempotency keys of writes, with their first result',
    up: (db) =>
      db.exec(`
    -- Writes done under an idempotency key, with their result: a replay with the key returns it.
    CREATE TABLE IF NOT EXISTS crm_idempotency (
      key TEXT PRIMARY KEY,
      operation TEXT NOT NULL,
      result TEXT NOT NULL, -- the first call's result, as JSON
      created_ms INTEGER NOT NULL
    ) WITHOUT ROWID;
  `),
  },
  {
    version: 3,
    description: 'a free fix under the guarantee names its complaint ticket',
    up: (db) => db.exec('ALTER TABLE crm_bookings ADD COLUMN guarantee_ticket INTEGER REFERENCES crm_tickets (id)'),
  },
];

/**
 * Creates or migrates the demo CRM's tables.
 *
 * @throws {CrmError} on a database a newer program wrote.
 */
export function createCrmTables(db: Database): void {
  runMigrations(db, {
    metaTable: 'crm_meta',
    steps: CRM_MIGRATIONS,
    tooNew: (found, known) => new CrmError(`the database has demo CRM tables of version ${found}, this program knows ${known}`, {
      hint: 'run the newer version of the program, or point COCO_DB at another file',
    }),
  });
}

/**
 * The demo CRM's tables in the engine's SQLite database, all prefixed `crm_`. Times are stored as epoch
 * milliseconds (compared in queries) and shown as ISO strings in salon time; ids are integers shown with
 * a letter (`B12`, `C3`, `T1`).
 */
import type { Database } from 'better-sqlite3';

/** Creates the tables and indexes if missing. WAL is set by whoever opens the database. */
export function createCrmTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS crm_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

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

    -- Writes done under an idempotency key, with their result: a replay with the key returns it.
    CREATE TABLE IF NOT EXISTS crm_idempotency (
      key TEXT PRIMARY KEY,
      operation TEXT NOT NULL,
      result TEXT NOT NULL, -- the first call's result, as JSON
      created_ms INTEGER NOT NULL
    ) WITHOUT ROWID;
  `);
}

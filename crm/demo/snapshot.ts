/**
 * A copy of the demo CRM's data: seeding a salon takes tens of milliseconds, so runs that need many
 * fresh CRMs for the same moment (transcript tests) seed once and restore the copy into each new database.
 */
import type { Database } from 'better-sqlite3';
import { createCrmTables } from './tables';

/** The rows of every `crm_` table. */
export interface DemoSnapshot {
  tables: Array<{ name: string; columns: string[]; rows: unknown[][] }>;
}

/**
 * The demo CRM's data in a database (after `createDemoCrm` seeded it).
 *
 * @example const snapshot = snapshotDemoData(seededDb); restoreDemoData(freshDb, snapshot);
 */
export function snapshotDemoData(db: Database): DemoSnapshot {
  const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'crm\\_%' ESCAPE '\\' ORDER BY name").all();
  return {
    tables: names.map(({ name }) => {
      const statement = db.prepare(`SELECT * FROM ${name}`).raw(true);
      return { name, columns: statement.columns().map((c) => c.name), rows: statement.all() as unknown[][] };
    }),
  };
}

/**
 * Writes a snapshot into a database without demo data (creating the tables), in one transaction. A
 * demo CRM opened on it afterwards finds the seed and does not seed again.
 */
export function restoreDemoData(db: Database, snapshot: DemoSnapshot): void {
  createCrmTables(db);
  db.transaction(() => {
    // Tables come in name order, not in the order their foreign keys need: check those at commit.
    db.pragma('defer_foreign_keys = ON');
    for (const table of snapshot.tables) {
      // OR REPLACE: the fresh tables already hold their schema version (in crm_meta), the same as the copy's.
      const insert = db.prepare(`INSERT OR REPLACE INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      for (const row of table.rows) insert.run(row);
    }
  })();
}

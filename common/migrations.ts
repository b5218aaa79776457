/**
 * The migration runner of every versioned group of tables (the conversation store's `conv_`, the
 * delivery's `dlv_`): the version is a row of the group's meta table, and each step runs once, in one
 * IMMEDIATE transaction with the version bump, so a crash between steps leaves a consistent, resumable
 * database and several processes may start at once (a step skips itself if another ran it meanwhile).
 */
import type { Database } from 'better-sqlite3';
import { CocoError } from './errors';

/** One schema change. `version` numbers run 1, 2, 3… without gaps. */
export interface MigrationStep {
  version: number;
  description: string;
  up(db: Database): void;
}

export interface MigrationPlan {
  /** The table holding the version, created if missing. */
  metaTable: string;
  /** The version's key in it. Default `schema_version`. */
  versionKey?: string;
  steps: readonly MigrationStep[];
  /** The error for a database a newer program wrote (its version above the last step). */
  tooNew(found: number, known: number): Error;
}

/**
 * Brings the group's tables up to its last step; returns the version reached.
 *
 * @throws {RangeError} when the steps' versions do not run 1, 2, 3…; the plan's `tooNew` error.
 * @example runMigrations(db, { metaTable: 'conv_meta', steps: CONVERSATION_MIGRATIONS, tooNew: (f, k) => new SchemaTooNewError(f, k) }) // 2
 */
export function runMigrations(db: Database, plan: MigrationPlan): number {
  const { metaTable, steps } = plan;
  steps.forEach((step, index) => {
    if (step.version !== index + 1) throw new RangeError(`migration step ${index + 1} of ${metaTable} has version ${step.version}; versions run 1, 2, 3… in order`);
  });
  db.exec(`CREATE TABLE IF NOT EXISTS ${metaTable} (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`);
  const key = plan.versionKey ?? 'schema_version';
  const read = db.prepare<[string], { value: string }>(`SELECT value FROM ${metaTable} WHERE key = ?`);
  const write = db.prepare<[string, string]>(`INSERT OR REPLACE INTO ${metaTable} (key, value) VALUES (?, ?)`);
  const current = (): number => Number(read.get(key)?.value ?? 0);

  const found = current();
  if (found > steps.length) throw plan.tooNew(found, steps.length);
  for (const step of steps.slice(found)) {
    db.transaction(() => {
      if (current() >= step.version) return;
      step.up(db);
      write.run(key, String(step.version));
    }).immediate();
  }
  return current();
}

/** Where tables of their own (a channel's, the staff relay's, a cache) keep their versions, one key each. */
export const TABLE_VERSIONS = 'coco_table_versions';

/**
 * Migrates a table (or a few) that a single module owns: its version is the row named `name` of
 * {@link TABLE_VERSIONS}. Write step 1 with `IF NOT EXISTS`, so a database made before the table was
 * versioned is adopted in place.
 *
 * @example migrateOwnTables(db, 'chn_consents', [{ version: 1, description: 'the consent log', up: (d) => d.exec(SQL) }]);
 */
export function migrateOwnTables(db: Database, name: string, steps: readonly MigrationStep[]): number {
  return runMigrations(db, { metaTable: TABLE_VERSIONS, versionKey: name, steps, tooNew: (found, known) => new SchemaTooNewError(found, known, `the table ${name}`) });
}

/** The database was written by a newer version of the program than this one. */
export class SchemaTooNewError extends CocoError {
  constructor(readonly found: number, readonly known: number, tables = 'the conversation tables') {
    super(`${tables} are at schema version ${found}, but this engine knows only up to ${known}`, {
      hint: 'run the newer engine, or restore a database written by this version',
    });
  }
}

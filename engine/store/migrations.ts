/**
 * The migration runner of every versioned group of tables (the conversation store's `conv_`, the
 * delivery's `dlv_`): the version is a row of the group's meta table, and each step runs once, in one
 * IMMEDIATE transaction with the version bump, so a crash between steps leaves a consistent, resumable
 * database and several processes may start at once (a step skips itself if another ran it meanwhile).
 */
import type { Database } from 'better-sqlite3';

/** One schema change. `version` numbers run 1, 2, 3… without gaps. */
export interface MigrationStep {
  version: number;
  description: string;
  up(db: Database): void;
}

export interface MigrationPlan {
  /** The table holding the version (key `schema_version`), created if missing. */
  metaTable: string;
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
  const read = db.prepare<[], { value: string }>(`SELECT value FROM ${metaTable} WHERE key = 'schema_version'`);
  const write = db.prepare<[string]>(`INSERT OR REPLACE INTO ${metaTable} (key, value) VALUES ('schema_version', ?)`);
  const current = (): number => Number(read.get()?.value ?? 0);

  const found = current();
  if (found > steps.length) throw plan.tooNew(found, steps.length);
  for (const step of steps.slice(found)) {
    db.transaction(() => {
      if (current() >= step.version) return;
      step.up(db);
      write.run(String(step.version));
    }).immediate();
  }
  return current();
}

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkpointInBackground } from './background-checkpoints';

/**
 * Opens (creating if needed) the SQLite database the engine keeps everything in: conversations, the demo
 * CRM, caches. WAL mode, so readers never block the writer, with the log folded back into the file by a
 * background worker rather than by a turn's commit (see `checkpointInBackground`); `:memory:` for tests.
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  if (path !== ':memory:' && path !== '') checkpointInBackground(db, path);
  return db;
}

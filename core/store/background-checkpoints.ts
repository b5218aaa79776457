/**
 * WAL checkpoints off the turn path. By default SQLite folds the write-ahead log back into the database
 * file inside the commit that takes the log past 1000 pages: that commit copies the pages and waits for
 * two fsyncs — tens of milliseconds on a virtual disk, for one turn in a hundred or so. Here a worker
 * thread with its own connection checkpoints a few times a second instead, and the engine's connections
 * only append to the log. Durability is unchanged: a commit is in the log either way, and a crash at any
 * point leaves a database SQLite recovers on the next open.
 */
import type { Database } from 'better-sqlite3';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/** How often the worker folds the log into the database file. */
export const CHECKPOINT_INTERVAL_MS = 200;

/** SQLite's default: the connection checkpoints itself once the log passes this many pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

// Plain JavaScript, run as the worker's script: no TypeScript loader is needed inside the thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
db.pragma('wal_autocheckpoint = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked: the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

interface Checkpointer {
  worker: Worker;
  /** The open connections of this process on the file. */
  connections: Set<Database>;
}

/** One checkpointing worker per database file, shared by the process's connections to it. */
const checkpointers = new Map<string, Checkpointer>();

/**
 * Hands the checkpoints of a WAL database file to a background worker for as long as `db` is open
 * (`db.close()` releases it; the last connection of the file stops the worker). If the worker cannot
 * run, the connection checkpoints itself again as SQLite does by default.
 *
 * @example
 * const db = new Database('data/coco.db');
 * db.pragma('journal_mode = WAL');
 * checkpointInBackground(db, 'data/coco.db');
 */
export function checkpointInBackground(db: Database, path: string): void {
  const file = resolve(path);
  let checkpointer = checkpointers.get(file);
  if (!checkpointer) {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path: file, driver: require.resolve('better-sqlite3'), intervalMs: CHECKPOINT_INTERVAL_MS },
    });
    // The worker never keeps the process alive; an unfinished checkpoint is safe to abandon.
    worker.unref();
    const started: Checkpointer = { worker, connections: new Set() };
    worker.on('error', () => stopped(file, started));
    worker.on('exit', () => stopped(file, started));
    checkpointers.set(file, started);
    checkpointer = started;
  }
  checkpointer.connections.add(db);
  db.pragma('wal_autocheckpoint = 0');

  const close = db.close.bind(db);
  const owner = checkpointer;
  db.close = (() => {
    release(file, owner, db);
    return close();
  }) as Database['close'];
}

function release(file: string, checkpointer: Checkpointer, db: Database): void {
  checkpointer.connections.delete(db);
  if (checkpointer.connections.size > 0) return;
  checkpointers.delete(file);
  checkpointer.worker.postMessage('stop');
}

/** The worker is gone: its connections checkpoint themselves again. */
function stopped(file: string, checkpointer: Checkpointer): void {
  if (checkpointers.get(file) === checkpointer) checkpointers.delete(file);
  for (const db of checkpointer.connections) if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  checkpointer.connections.clear();
}

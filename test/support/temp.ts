import { rmSync } from 'node:fs';

/**
 * Removes a test's temp folder. The WAL checkpoint worker releases a database file just after
 * `db.close()` returns, so a removal can race with its last checkpoint; a folder left in the temp
 * directory is harmless, a failed test run is not.
 */
export function removeTempDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  } catch {
    // Left for the OS to clean.
  }
}

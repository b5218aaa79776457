import { resolve } from 'node:path';

/** The project root: where content/, flows/ and data/ live by default. */
export const PROJECT_ROOT = resolve(__dirname, '..');

/** Where staff content is read from (`COCO_CONTENT_DIR`, default `content/`). */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.COCO_CONTENT_DIR ?? resolve(PROJECT_ROOT, 'content'));
}

/** Where trained models are cached (`COCO_CACHE_DIR`, default `data/cache/`). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.COCO_CACHE_DIR ?? resolve(PROJECT_ROOT, 'data', 'cache'));
}

/** The SQLite database (`COCO_DB`, default `data/coco.db`). */
export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.COCO_DB ?? resolve(PROJECT_ROOT, 'data', 'coco.db');
  return path === ':memory:' ? path : resolve(path);
}

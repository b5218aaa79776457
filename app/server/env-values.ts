/** Small readers for environment variables: a trimmed value or undefined, a URL checked for its scheme. */
import { ConfigError } from '../../common';

/** The variable's value without surrounding spaces; undefined when unset or blank. */
export function valueOf(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The names among `names` that are set (non-blank). */
export function setAmong(env: NodeJS.ProcessEnv, names: readonly string[]): string[] {
  return names.filter((name) => valueOf(env, name) !== undefined);
}

/**
 * The variable as an http(s) URL without a trailing slash, or undefined when unset.
 *
 * @throws {ConfigError} when it is not an absolute http(s) URL (or not https when `httpsOnly`).
 */
export function urlOf(env: NodeJS.ProcessEnv, name: string, example: string, options: { httpsOnly?: boolean } = {}): string | undefined {
  const raw = valueOf(env, name);
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const schemes = options.httpsOnly ? ['https:'] : ['http:', 'https:'];
  if (!url || !schemes.includes(url.protocol)) {
    throw new ConfigError(name, `"${raw}" is not ${options.httpsOnly ? 'an https' : 'an http(s)'} URL`, `write the whole address, e.g. ${name}=${example}`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * The assistant's logger: pino, one JSON line per event (on stderr by default, so `coco chat --json`
 * keeps stdout to itself). Everything it prints is scrubbed first: phones and e-mails are masked with
 * `common/redact.ts`, fields named like secrets (`apiKey`, `authorization`, `token`…) are replaced, a
 * conversation id (`conversation`, `conversationId`) is printed as its hash (`whatsapp#3f9a…`: the id
 * may be a phone), and the values of the secrets it was given (the API key) are cut out of every string.
 *
 * Logs are for operators; the conversation store stays the system of record of what guests wrote.
 */
import pino, { type DestinationStream } from 'pino';
import { type LogFields, type Logger, redactPersonalData, ConfigError } from '../common';
import { conversationLogId } from './conversation-log-id';

export { conversationLogId } from './conversation-log-id';

/** pino's levels, least to most verbose, and `silent`. */
export type LogLevel = 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

export interface LoggerOptions {
  /** Default `info`. */
  level?: LogLevel;
  /** Where lines go; default stderr. Anything with `write(line)` works (tests collect lines). */
  destination?: DestinationStream;
  /** Values never printed, e.g. the API key: every occurrence becomes `***`. */
  secrets?: readonly (string | undefined)[];
}

const LEVELS: readonly LogLevel[] = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'];
/** Field names whose values are never printed, whatever they hold. */
const SECRET_FIELD = /^(?:.*[-_.])?(?:api[-_]?key|access[-_]?token|token|secret|client[-_]?secret|password|passwd|authorization|cookie|credentials?)$/i;
/** Field names that hold a conversation id (`whatsapp:<phone>`): printed as its hash, see `conversationLogId`. */
const CONVERSATION_FIELD = /^conversation(?:[-_]?id)?$/i;
/** Environment variables whose values count as secrets for {@link loggerFromEnv}. */
const SECRET_VARIABLE = /(?:KEY|TOKEN|SECRET|PASSWORD)$/;
/** Secrets shorter than this are not cut out: masking every "a" would only garble the line. */
const MIN_SECRET_LENGTH = 4;
const MAX_DEPTH = 8;

/**
 * Creates a logger.
 *
 * @example
 * const log = createLogger({ level: 'info', secrets: [process.env.OPENAI_API_KEY] });
 * log.info('faq.answer', { conversation: 'telegram:42', grounding: ['parking_city'], question: 'мой номер 89991234567' });
 * // {"level":"info","time":"…","msg":"faq.answer","conversation":"telegram#…","grounding":["parking_city"],"question":"мой номер +7 *** ***-**-67"}
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = [...new Set((options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.trim().length >= MIN_SECRET_LENGTH).map((s) => s.trim()))];
  const scrub = (value: unknown) => scrubForLog(value, secrets);
  const base = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Errors are already reduced to { type, message } by the scrubbing.
      serializers: { err: (value: unknown) => value },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
  const wrap = (logger: pino.Logger): Logger => {
    const at = (level: 'debug' | 'info' | 'warn' | 'error') => (event: string, fields: LogFields = {}) => {
      if (!logger.isLevelEnabled(level)) return;
      try {
        logger[level](scrub(fields) as object, String(scrub(event)));
      } catch {
        // A log line must never cost the guest an answer.
      }
    };
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: (bindings) => wrap(logger.child(scrub(bindings) as pino.Bindings)),
    };
  };
  return wrap(base);
}

/**
 * The logger the environment asks for: `COCO_LOG_LEVEL` (default `info`; `silent` prints nothing),
 * on stderr, with the value of every variable named like a secret (`OPENAI_API_KEY`, `…_TOKEN`) kept
 * out of the output.
 *
 * @throws {ConfigError} for an unknown level, naming the variable and the levels.
 * @example loggerFromEnv(process.env).info('assistant.started', { channel: 'telegram' })
 */
export function loggerFromEnv(env: NodeJS.ProcessEnv, options: Pick<LoggerOptions, 'destination'> = {}): Logger {
  const raw = env.COCO_LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LEVELS.includes(raw as LogLevel)) throw new ConfigError('COCO_LOG_LEVEL', `unknown level "${env.COCO_LOG_LEVEL}"`, `use one of ${LEVELS.join(', ')}; the default is info`);
  const secrets = Object.entries(env).filter(([name]) => SECRET_VARIABLE.test(name)).map(([, value]) => value);
  return createLogger({ level: raw as LogLevel, secrets, destination: options.destination });
}

/**
 * A copy of a value safe to print: strings with personal data masked and secrets cut out, fields named
 * like secrets replaced, conversation ids hashed, errors reduced to their name and message, cycles and deep nesting cut.
 *
 * @example scrubForLog({ apiKey: 'sk-1', text: 'пишите на anna@mail.ru' }, []) // { apiKey: '[secret]', text: 'пишите на a***@mail.ru' }
 */
export function scrubForLog(value: unknown, secrets: readonly string[], depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return scrubString(value, secrets);
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || value === undefined) return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    return { type: value.name, message: scrubString(value.message, secrets) };
  }
  if (Array.isArray(value)) return value.map((item) => scrubForLog(item, secrets, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (CONVERSATION_FIELD.test(key) && typeof field === 'string' && field !== '') out[key] = conversationLogId(field);
    else out[key] = SECRET_FIELD.test(key) && field !== undefined && field !== null && field !== '' ? '[secret]' : scrubForLog(field, secrets, depth + 1, seen);
  }
  return out;
}

function scrubString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('***');
  return redactPersonalData(out);
}

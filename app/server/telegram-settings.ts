/**
 * The Telegram bot's settings from environment variables: the token, polling or webhook, a self-hosted or
 * fake Bot API, and the staff chat for the handover relay. Partial or contradictory settings stop the
 * start with a message naming the variable and the fix.
 */
import { ConfigError } from '../../common';
import { setAmong, urlOf, valueOf } from './env-values';

/** What the server needs to run the Telegram channel. */
export interface TelegramSettings {
  token: string;
  mode: 'polling' | 'webhook';
  /** Webhook mode: the secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token`. */
  webhookSecret?: string;
  /** Webhook mode: the public URL of `/telegram/webhook`, registered with setWebHook at start when given. */
  webhookUrl?: string;
  /** `TELEGRAM_API_URL`: a self-hosted Bot API server (or a test fake); default https://api.telegram.org. */
  apiUrl?: string;
  /** `STAFF_CHAT_ID`: the staff group that receives handed-over conversations. */
  staffChatId?: string;
  /**
   * `STAFF_USER_IDS`: the Telegram user ids whose replies in the staff chat are taken (relayed to the
   * guest, `/bot`); unset, every member's are.
   */
  staffUserIds?: string[];
}

/** Every variable this reader knows (the .env.example lists them all). */
export const TELEGRAM_VARIABLES = ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_MODE', 'TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_WEBHOOK_URL', 'TELEGRAM_API_URL', 'STAFF_CHAT_ID', 'STAFF_USER_IDS'] as const;

const TOKEN = /^\d+:[A-Za-z0-9_-]+$/;
const SECRET = /^[A-Za-z0-9_-]{1,256}$/;
const CHAT_ID = /^-?\d{1,20}$/;
const USER_ID = /^\d{1,20}$/;

/**
 * The Telegram settings, or undefined when `TELEGRAM_BOT_TOKEN` is not set (and no other Telegram
 * variable is: those alone are a mistake).
 *
 * @throws {ConfigError} naming the variable, what is wrong and how to fix it.
 * @example telegramSettingsFromEnv({ TELEGRAM_BOT_TOKEN: '123:abc' }) // { token: '123:abc', mode: 'polling' }
 */
export function telegramSettingsFromEnv(env: NodeJS.ProcessEnv): TelegramSettings | undefined {
  const token = valueOf(env, 'TELEGRAM_BOT_TOKEN');
  if (token === undefined) {
    const others = setAmong(env, TELEGRAM_VARIABLES.slice(1));
    if (others.length === 0) return undefined;
    throw new ConfigError('TELEGRAM_BOT_TOKEN', `is not set, but ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'}`, others.includes('STAFF_CHAT_ID') || others.includes('STAFF_USER_IDS')
      ? 'the staff relay posts to the staff chat through the Telegram bot: set TELEGRAM_BOT_TOKEN (from @BotFather), or remove STAFF_CHAT_ID'
      : 'set TELEGRAM_BOT_TOKEN (from @BotFather) to run the Telegram channel, or remove the other TELEGRAM_* settings');
  }
  if (!TOKEN.test(token)) {
    throw new ConfigError('TELEGRAM_BOT_TOKEN', 'does not look like a bot token', 'copy it from @BotFather: digits, a colon, then letters, digits, "_" or "-" (e.g. 123456789:AAH…)');
  }
  const mode = (valueOf(env, 'TELEGRAM_MODE') ?? 'polling').toLowerCase();
  if (mode !== 'polling' && mode !== 'webhook') {
    throw new ConfigError('TELEGRAM_MODE', `unknown mode "${env.TELEGRAM_MODE}"`, 'use "polling" (the default: no public address needed) or "webhook"');
  }
  const apiUrl = urlOf(env, 'TELEGRAM_API_URL', 'http://127.0.0.1:8081');
  const settings: TelegramSettings = { token, mode, ...(apiUrl ? { apiUrl } : {}) };

  const secret = valueOf(env, 'TELEGRAM_WEBHOOK_SECRET');
  // Telegram itself only calls https webhooks; a self-hosted Bot API server may call http ones.
  const webhookUrl = urlOf(env, 'TELEGRAM_WEBHOOK_URL', 'https://bot.madamcoco.ru/telegram/webhook', { httpsOnly: !apiUrl });
  if (mode === 'polling') {
    const stray = setAmong(env, ['TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_WEBHOOK_URL']);
    if (stray.length > 0) {
      throw new ConfigError(stray[0], 'is set, but TELEGRAM_MODE is polling (the default)', 'set TELEGRAM_MODE=webhook to receive updates by webhook, or remove the webhook settings to keep polling');
    }
  } else {
    if (secret === undefined) {
      throw new ConfigError('TELEGRAM_WEBHOOK_SECRET', 'is not set, but TELEGRAM_MODE is webhook', 'set a secret of 1–256 characters A–Z, a–z, 0–9, "_" or "-" (e.g. `openssl rand -hex 32`): requests without it are refused');
    }
    if (!SECRET.test(secret)) {
      throw new ConfigError('TELEGRAM_WEBHOOK_SECRET', 'has characters Telegram does not allow, or is over 256 characters', 'use only A–Z, a–z, 0–9, "_" and "-" (e.g. `openssl rand -hex 32`)');
    }
    settings.webhookSecret = secret;
    if (webhookUrl) settings.webhookUrl = webhookUrl;
  }

  const staffChatId = valueOf(env, 'STAFF_CHAT_ID');
  if (staffChatId !== undefined) {
    if (!CHAT_ID.test(staffChatId)) {
      throw new ConfigError('STAFF_CHAT_ID', `"${staffChatId}" is not a Telegram chat id`, 'use the staff group\'s numeric id, e.g. -1001234567890: add the bot to the group, write in it, and read "chat":{"id":…} from getUpdates');
    }
    settings.staffChatId = staffChatId;
  }
  const staffUserIds = staffUserIdsOf(env, staffChatId);
  if (staffUserIds) settings.staffUserIds = staffUserIds;
  return settings;
}

/** `STAFF_USER_IDS`: comma-separated Telegram user ids, only with a staff chat. */
function staffUserIdsOf(env: NodeJS.ProcessEnv, staffChatId: string | undefined): string[] | undefined {
  const raw = valueOf(env, 'STAFF_USER_IDS');
  if (raw === undefined) return undefined;
  if (staffChatId === undefined) {
    throw new ConfigError('STAFF_USER_IDS', 'is set, but STAFF_CHAT_ID is not', 'the list says who may answer guests in the staff chat: set STAFF_CHAT_ID too, or remove STAFF_USER_IDS');
  }
  const ids = raw.split(',').map((id) => id.trim()).filter(Boolean);
  const wrong = ids.find((id) => !USER_ID.test(id));
  if (wrong !== undefined || ids.length === 0) {
    throw new ConfigError('STAFF_USER_IDS', wrong !== undefined ? `"${wrong}" is not a Telegram user id` : 'lists no user id',
      'list the staff members\' numeric Telegram user ids, separated by commas (e.g. 501,502): read "from":{"id":…} of their messages in getUpdates');
  }
  return [...new Set(ids)];
}

/**
 * The server's settings from environment variables, checked at start: a typo stops the start with a
 * message naming the variable and a fix, before the NLU trains.
 */
import type { WebLimits } from '../../connectors/web';
import { ConfigError } from '../../common';
import { telegramSettingsFromEnv, type TelegramSettings } from './telegram-settings';
import { WHATSAPP_ENABLE_WITH, whatsappSettingsFromEnv, type WhatsAppSettings } from './whatsapp-settings';

/** Where the server listens unless `COCO_HOST` says otherwise: only this machine can reach it. */
export const DEFAULT_HOST = '127.0.0.1';

/** A channel and whether this start serves it. */
export interface ChannelStatus {
  channel: 'web' | 'telegram' | 'whatsapp';
  active: boolean;
  /** For an inactive channel: the settings that would enable it. */
  enableWith?: string;
  /** How an active channel runs (polling, webhook), or why a configured one is still off. */
  note?: string;
}

export interface ServerConfig {
  /** `PORT`, default 3000; 0 picks a free port (tests). */
  port: number;
  /** `COCO_HOST`, default 127.0.0.1 (this machine only: a reverse proxy in front, or `COCO_HOST=0.0.0.0` in a container). */
  host: string;
  /**
   * `COCO_WIDGET_ORIGINS`: other sites whose pages may call the web API (comma-separated origins, or `*`
   * for any). Default none: CORS is off, and only the server's own pages (the demo page) use the API.
   */
  widgetOrigins: '*' | string[];
  channels: ChannelStatus[];
  /** Request rates and open event streams allowed per client of the web API; default `DEFAULT_WEB_LIMITS`. */
  webLimits?: Partial<WebLimits>;
  /** The Telegram channel, when `TELEGRAM_BOT_TOKEN` is set. */
  telegram?: TelegramSettings;
  /** The WhatsApp channel, when its settings are set. */
  whatsapp?: WhatsAppSettings;
  /** Whether handed-over conversations are relayed to a staff Telegram chat, and what enables it. */
  staffRelay: { active: boolean; status: string };
}

/**
 * Reads and checks the server settings.
 *
 * @throws {ConfigError} naming the variable, what is wrong and how to fix it.
 * @example serverConfigFromEnv({ PORT: '8080' }).port // 8080
 */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const telegram = telegramSettingsFromEnv(env);
  const whatsapp = whatsappSettingsFromEnv(env);
  return {
    port: portFrom(env.PORT),
    host: env.COCO_HOST?.trim() || DEFAULT_HOST,
    widgetOrigins: originsFrom(env.COCO_WIDGET_ORIGINS),
    channels: [
      { channel: 'web', active: true },
      telegram ? { channel: 'telegram', active: true, note: telegram.mode === 'webhook' ? 'webhook at /telegram/webhook' : 'long polling' } : { channel: 'telegram', active: false, enableWith: 'TELEGRAM_BOT_TOKEN' },
      whatsapp ? { channel: 'whatsapp', active: true, note: `${whatsapp.provider.kind === 'cloud' ? 'Cloud API' : '360dialog'}, webhook at /whatsapp/webhook` } : { channel: 'whatsapp', active: false, enableWith: WHATSAPP_ENABLE_WITH },
    ],
    ...(telegram ? { telegram } : {}),
    ...(whatsapp ? { whatsapp } : {}),
    staffRelay: telegram?.staffChatId
      ? { active: true, status: `staff relay: active — handed-over conversations go to Telegram chat ${telegram.staffChatId}${telegram.staffUserIds ? `, answered by ${telegram.staffUserIds.length} listed staff member${telegram.staffUserIds.length === 1 ? '' : 's'} (STAFF_USER_IDS)` : ''}` }
      : { active: false, status: `staff relay: inactive — set STAFF_CHAT_ID (the staff group's chat id)${telegram ? '' : ' and TELEGRAM_BOT_TOKEN'} to relay handed-over conversations to staff` },
  };
}

/**
 * One line per channel for the start-up log.
 *
 * @example describeChannels(config) // ['web: active', 'telegram: inactive — set TELEGRAM_BOT_TOKEN to enable it', …]
 */
export function describeChannels(channels: readonly ChannelStatus[]): string[] {
  return channels.map((c) => {
    if (c.active) return c.note ? `${c.channel}: active (${c.note})` : `${c.channel}: active`;
    if (c.note) return `${c.channel}: inactive — ${c.note}`;
    return `${c.channel}: inactive — set ${c.enableWith} to enable it`;
  });
}

function portFrom(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || port > 65535) throw new ConfigError('PORT', `"${raw}" is not a port number`, 'use a whole number from 1 to 65535, e.g. PORT=3000 (the default)');
  return port;
}

function originsFrom(raw: string | undefined): '*' | string[] {
  if (raw === undefined || raw.trim() === '') return [];
  if (raw.trim() === '*') return '*';
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError('COCO_WIDGET_ORIGINS', `"${origin}" is not an origin`, 'list origins like https://madamcoco.ru,https://www.madamcoco.ru (scheme and host, no path), or * for any');
    }
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}

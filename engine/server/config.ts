/**
 * The server's settings from environment variables, checked at start: a typo stops the start with a
 * message naming the variable and a fix, before the NLU trains.
 */
import { ConfigError } from '../config/embedder';

/** A channel and whether this start serves it. */
export interface ChannelStatus {
  channel: 'web' | 'telegram' | 'whatsapp';
  active: boolean;
  /** For an inactive channel: the settings that would enable it. */
  enableWith?: string;
  /** Why a configured channel is still off. */
  note?: string;
}

export interface ServerConfig {
  /** `PORT`, default 3000; 0 picks a free port (tests). */
  port: number;
  /** `COCO_HOST`, default all interfaces. */
  host?: string;
  /** `COCO_WIDGET_ORIGINS`: sites allowed to embed the widget (comma-separated origins); default any (`*`). */
  widgetOrigins: '*' | string[];
  channels: ChannelStatus[];
}

const TELEGRAM = ['TELEGRAM_BOT_TOKEN'];
const WHATSAPP = ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'];

/**
 * Reads and checks the server settings.
 *
 * @throws {ConfigError} naming the variable, what is wrong and how to fix it.
 * @example serverConfigFromEnv({ PORT: '8080' }).port // 8080
 */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  return {
    port: portFrom(env.PORT),
    host: env.COCO_HOST?.trim() || undefined,
    widgetOrigins: originsFrom(env.COCO_WIDGET_ORIGINS),
    channels: [
      { channel: 'web', active: true },
      pendingConnector('telegram', TELEGRAM, env),
      pendingConnector('whatsapp', WHATSAPP, env),
    ],
  };
}

/**
 * One line per channel for the start-up log.
 *
 * @example describeChannels(config) // ['web: active', 'telegram: inactive — set TELEGRAM_BOT_TOKEN to enable it', …]
 */
export function describeChannels(channels: readonly ChannelStatus[]): string[] {
  return channels.map((c) => {
    if (c.active) return `${c.channel}: active`;
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
  if (raw === undefined || raw.trim() === '' || raw.trim() === '*') return '*';
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

// The Telegram and WhatsApp connectors are the second part of issue 6; their settings are named here so
// the start-up log already says what will enable them.
function pendingConnector(channel: 'telegram' | 'whatsapp', variables: string[], env: NodeJS.ProcessEnv): ChannelStatus {
  const missing = variables.filter((name) => !env[name]?.trim());
  if (missing.length === variables.length) return { channel, active: false, enableWith: variables.join(', ') };
  return { channel, active: false, note: `${variables.filter((v) => !missing.includes(v)).join(', ')} set, but this build has no ${channel} connector yet` };
}

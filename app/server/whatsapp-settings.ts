/**
 * The WhatsApp settings from environment variables: Meta's Cloud API or 360dialog, the webhook's app
 * secret and verify token, an API address for a fake, and the template sent outside the 24-hour window.
 * Partial settings stop the start with a message naming what is missing.
 */
import type { WhatsAppProvider, WhatsAppTemplate } from '../../connectors/whatsapp';
import { ConfigError } from '../../common';
import { setAmong, urlOf, valueOf } from './env-values';

/** What the server needs to run the WhatsApp channel. */
export interface WhatsAppSettings {
  provider: WhatsAppProvider;
  /** The webhook signature's key: Meta's app secret (X-Hub-Signature-256), or 360dialog's platform secret (x-360dialog-signature). */
  appSecret: string;
  /** The token of the verification GET (Cloud API webhook settings); optional with 360dialog. */
  verifyToken?: string;
  /** Sent instead of a reply when the guest last wrote over 24 hours ago. */
  template?: Pick<WhatsAppTemplate, 'name' | 'language'>;
}

/** Every variable this reader knows. */
export const WHATSAPP_VARIABLES = [
  'WHATSAPP_PROVIDER', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN',
  'D360_API_KEY', 'WHATSAPP_API_URL', 'WHATSAPP_TEMPLATE_NAME', 'WHATSAPP_TEMPLATE_LANGUAGE',
] as const;

/** What enables the channel, for the start-up log. */
export const WHATSAPP_ENABLE_WITH =
  'WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN (or WHATSAPP_PROVIDER=360dialog with D360_API_KEY and WHATSAPP_APP_SECRET)';

const CLOUD_REQUIRED = ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'];
const D360_REQUIRED = ['D360_API_KEY', 'WHATSAPP_APP_SECRET'];
const WHERE: Record<string, string> = {
  WHATSAPP_ACCESS_TOKEN: 'a system user token from Meta Business Settings',
  WHATSAPP_PHONE_NUMBER_ID: 'WhatsApp Manager → API setup → Phone number ID',
  WHATSAPP_APP_SECRET: "App Dashboard → Settings → Basic → App secret (360dialog: the platform secret that signs x-360dialog-signature)",
  WHATSAPP_VERIFY_TOKEN: 'any string you also type into the webhook settings of the App Dashboard',
  D360_API_KEY: '360dialog Client Hub → API key',
};

/**
 * The WhatsApp settings, or undefined when no WhatsApp variable is set.
 *
 * @throws {ConfigError} naming the variable, what is wrong and how to fix it.
 * @example whatsappSettingsFromEnv({ WHATSAPP_PROVIDER: '360dialog', D360_API_KEY: 'k', WHATSAPP_APP_SECRET: 's' }).provider.kind // '360dialog'
 */
export function whatsappSettingsFromEnv(env: NodeJS.ProcessEnv): WhatsAppSettings | undefined {
  if (setAmong(env, WHATSAPP_VARIABLES).length === 0) return undefined;
  const kind = (valueOf(env, 'WHATSAPP_PROVIDER') ?? 'cloud').toLowerCase();
  if (kind !== 'cloud' && kind !== '360dialog') {
    throw new ConfigError('WHATSAPP_PROVIDER', `unknown provider "${env.WHATSAPP_PROVIDER}"`, 'use "cloud" (Meta\'s Cloud API, the default) or "360dialog"');
  }
  const required = kind === 'cloud' ? CLOUD_REQUIRED : D360_REQUIRED;
  const missing = required.filter((name) => valueOf(env, name) === undefined);
  if (missing.length > 0) {
    const given = setAmong(env, WHATSAPP_VARIABLES);
    throw new ConfigError(missing[0], `is not set, but ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'}: the ${kind === 'cloud' ? 'Cloud API' : '360dialog'} channel needs ${required.join(', ')}`,
      `set ${missing.map((name) => `${name} (${WHERE[name]})`).join('; ')} — or remove the WhatsApp settings to run without WhatsApp`);
  }
  const wrongProvider = kind === 'cloud' ? setAmong(env, ['D360_API_KEY']) : setAmong(env, ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID']);
  if (wrongProvider.length > 0) {
    throw new ConfigError(wrongProvider[0], `is set, but WHATSAPP_PROVIDER is ${kind}`, kind === 'cloud'
      ? 'set WHATSAPP_PROVIDER=360dialog to send through 360dialog, or remove D360_API_KEY'
      : 'with 360dialog only D360_API_KEY is needed to send: remove WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID, or set WHATSAPP_PROVIDER=cloud');
  }
  const baseUrl = urlOf(env, 'WHATSAPP_API_URL', kind === 'cloud' ? 'https://graph.facebook.com' : 'https://waba-v2.360dialog.io');
  const phoneNumberId = valueOf(env, 'WHATSAPP_PHONE_NUMBER_ID');
  if (phoneNumberId !== undefined && !/^\d+$/.test(phoneNumberId)) {
    throw new ConfigError('WHATSAPP_PHONE_NUMBER_ID', `"${phoneNumberId}" is not a phone number id`, 'use the numeric "Phone number ID" from WhatsApp Manager → API setup (not the phone number itself)');
  }
  const provider: WhatsAppProvider = kind === 'cloud'
    ? { kind: 'cloud', accessToken: valueOf(env, 'WHATSAPP_ACCESS_TOKEN')!, phoneNumberId: phoneNumberId!, ...(baseUrl ? { baseUrl } : {}) }
    : { kind: '360dialog', apiKey: valueOf(env, 'D360_API_KEY')!, ...(baseUrl ? { baseUrl } : {}) };
  const settings: WhatsAppSettings = { provider, appSecret: valueOf(env, 'WHATSAPP_APP_SECRET')! };
  const verifyToken = valueOf(env, 'WHATSAPP_VERIFY_TOKEN');
  if (verifyToken) settings.verifyToken = verifyToken;
  const template = templateFrom(env);
  if (template) settings.template = template;
  return settings;
}

function templateFrom(env: NodeJS.ProcessEnv): WhatsAppSettings['template'] {
  const name = valueOf(env, 'WHATSAPP_TEMPLATE_NAME');
  const language = valueOf(env, 'WHATSAPP_TEMPLATE_LANGUAGE');
  if (name === undefined) {
    if (language !== undefined) throw new ConfigError('WHATSAPP_TEMPLATE_LANGUAGE', 'is set, but WHATSAPP_TEMPLATE_NAME is not', 'set WHATSAPP_TEMPLATE_NAME to the approved template sent outside the 24-hour window, or remove the language');
    return undefined;
  }
  if (!/^[a-z0-9_]{1,512}$/.test(name)) {
    throw new ConfigError('WHATSAPP_TEMPLATE_NAME', `"${name}" is not a template name`, 'copy the name from WhatsApp Manager → Message templates: lowercase letters, digits and "_"');
  }
  if (language !== undefined && !/^[a-z]{2,3}(?:_[A-Z]{2})?$/.test(language)) {
    throw new ConfigError('WHATSAPP_TEMPLATE_LANGUAGE', `"${language}" is not a template language code`, 'use the code the template was approved in, e.g. ru or en_US');
  }
  return { name, language: language ?? 'ru' };
}

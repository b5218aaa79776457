/**
 * Posts message objects to WhatsApp with fetch: Meta's Cloud API (`POST {base}/{version}/{phone number
 * id}/messages` with a Bearer token) or 360dialog (`POST {base}/messages` with the `D360-API-KEY` header).
 */
import { WhatsAppApiError, WhatsAppConfigError, WhatsAppNetworkError } from './errors';

/** Meta's Cloud API. */
export interface CloudApiProvider {
  kind: 'cloud';
  accessToken: string;
  phoneNumberId: string;
  /** Default https://graph.facebook.com. */
  baseUrl?: string;
  /** Default v21.0. */
  apiVersion?: string;
}

/** 360dialog's hosted Cloud API. */
export interface Dialog360Provider {
  kind: '360dialog';
  apiKey: string;
  /** Default https://waba-v2.360dialog.io. */
  baseUrl?: string;
}

export type WhatsAppProvider = CloudApiProvider | Dialog360Provider;

export const CLOUD_API_BASE_URL = 'https://graph.facebook.com';
export const CLOUD_API_VERSION = 'v21.0';
export const DIALOG360_BASE_URL = 'https://waba-v2.360dialog.io';

/** Sends one message object (with `to` and `messaging_product`) and returns the message id. */
export class WhatsAppClient {
  private readonly url: string;
  private readonly headers: Record<string, string>;

  constructor(
    provider: WhatsAppProvider,
    private readonly options: { fetch?: typeof fetch; timeoutMs?: number } = {},
  ) {
    if (provider.kind === 'cloud') {
      if (!provider.accessToken || !provider.phoneNumberId) {
        throw new WhatsAppConfigError('WhatsApp Cloud API needs an access token and a phone number id', {
          hint: 'set WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID (WhatsApp Manager → API setup)',
        });
      }
      const base = (provider.baseUrl ?? CLOUD_API_BASE_URL).replace(/\/+$/, '');
      this.url = `${base}/${provider.apiVersion ?? CLOUD_API_VERSION}/${encodeURIComponent(provider.phoneNumberId)}/messages`;
      this.headers = { authorization: `Bearer ${provider.accessToken}` };
    } else {
      if (!provider.apiKey) throw new WhatsAppConfigError('360dialog needs an API key', { hint: 'set D360_API_KEY (360dialog Client Hub)' });
      this.url = `${(provider.baseUrl ?? DIALOG360_BASE_URL).replace(/\/+$/, '')}/messages`;
      this.headers = { 'D360-API-KEY': provider.apiKey };
    }
  }

  /**
   * Posts a message and returns its `wamid`.
   *
   * @throws {WhatsAppApiError} for an error answer (with Meta's code; `retryable` for rate limits and 5xx).
   * @throws {WhatsAppNetworkError} when the API cannot be reached or answers something unreadable.
   */
  async post(to: string, message: object): Promise<string> {
    const body = JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message });
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.url, {
        method: 'POST',
        headers: { ...this.headers, 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new WhatsAppNetworkError(`WhatsApp API unreachable: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.text().catch(() => '');
    let json: any;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      if (!response.ok) throw new WhatsAppApiError(response.status, undefined, text.slice(0, 200));
      throw new WhatsAppNetworkError(`WhatsApp API answered something that is not JSON (HTTP ${response.status})`);
    }
    if (!response.ok || json?.error) {
      const error = json?.error ?? {};
      throw new WhatsAppApiError(response.status >= 400 ? response.status : 400, typeof error.code === 'number' ? error.code : undefined, String(error.message ?? error.title ?? text.slice(0, 200)), error.fbtrace_id);
    }
    const id = json?.messages?.[0]?.id;
    if (typeof id !== 'string') throw new WhatsAppNetworkError('WhatsApp API answered without a message id');
    return id;
  }
}

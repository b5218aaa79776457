/**
 * Turns a WhatsApp Cloud API webhook body (also 360dialog's, which forwards it unchanged) into the
 * engine's inbound messages: texts, pressed reply buttons and list rows (their id is the payload),
 * template quick replies, images and other media as attachment references. Status callbacks (sent,
 * delivered, read, failed) carry no guest message and are skipped. Pure; never throws.
 */
import type { InboundMessage } from '../../engine/dialogue/types';
import type { MessageAttachment } from '../../engine/store';
import { decodePayload, type PayloadTable } from '../telegram';

/** The channel name WhatsApp messages carry. */
export const WHATSAPP_CHANNEL = 'whatsapp';

/** A guest's WhatsApp message in the engine's shape. */
export interface WhatsAppInboundMessage extends InboundMessage {
  channel: typeof WHATSAPP_CHANNEL;
  /** The guest's WhatsApp id (`wa_id`, the phone number in international format without "+"). */
  userId: string;
  /** The `wamid.…` id: unique, and the same when Meta redelivers. */
  messageId: string;
  /** When the guest sent it (the webhook's `timestamp`). */
  at: Date;
  /** The business number it was sent to. */
  phoneNumberId?: string;
}

/** The parts of a webhook body this parser reads (see Meta's "messages" webhook reference). */
interface WebhookBody {
  object?: string;
  entry?: Array<{
    id?: string;
    changes?: Array<{
      field?: string;
      value?: {
        metadata?: { phone_number_id?: string; display_phone_number?: string };
        contacts?: Array<{ wa_id?: string; profile?: { name?: string } }>;
        messages?: WhatsAppMessage[];
        statuses?: unknown[];
      };
    }>;
  }>;
}

interface Media {
  id?: string;
  mime_type?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
}

interface WhatsAppMessage {
  from?: string;
  id?: string;
  timestamp?: string;
  type?: string;
  text?: { body?: string };
  interactive?: {
    type?: string;
    button_reply?: { id?: string; title?: string };
    list_reply?: { id?: string; title?: string; description?: string };
  };
  button?: { payload?: string; text?: string };
  image?: Media;
  document?: Media;
  audio?: Media;
  video?: Media;
  sticker?: Media;
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
}

export interface ParseWhatsAppOptions {
  /** Where long button payloads were kept when the buttons were sent. */
  payloads?: PayloadTable;
}

/**
 * The guests' messages in a webhook body, in the order given. A message of a kind the assistant cannot
 * read (a reaction, an unsupported type) is left out; so is anything malformed.
 *
 * @example
 * parseWhatsAppWebhook(body) // [{ channel: 'whatsapp', userId: '79991234567', messageId: 'wamid.…', text: 'привет', at: … }]
 */
export function parseWhatsAppWebhook(body: unknown, options: ParseWhatsAppOptions = {}): WhatsAppInboundMessage[] {
  const parsed: WhatsAppInboundMessage[] = [];
  if (!isObject(body) || (body as WebhookBody).object !== 'whatsapp_business_account') return parsed;
  for (const entry of arrayOf((body as WebhookBody).entry)) {
    for (const change of arrayOf(entry?.changes)) {
      const value = change?.value;
      if (!isObject(value) || (change.field !== undefined && change.field !== 'messages')) continue;
      const names = new Map(arrayOf(value.contacts).filter((c) => c?.wa_id).map((c) => [String(c.wa_id), c.profile?.name]));
      for (const message of arrayOf(value.messages)) {
        const inbound = parseMessage(message, options);
        if (!inbound) continue;
        const name = names.get(inbound.userId);
        if (name) inbound.userName = name;
        if (value.metadata?.phone_number_id) inbound.phoneNumberId = value.metadata.phone_number_id;
        parsed.push(inbound);
      }
    }
  }
  return parsed;
}

function parseMessage(message: WhatsAppMessage, options: ParseWhatsAppOptions): WhatsAppInboundMessage | undefined {
  if (!isObject(message) || typeof message.from !== 'string' || typeof message.id !== 'string') return undefined;
  const seconds = Number(message.timestamp);
  const base: WhatsAppInboundMessage = {
    channel: WHATSAPP_CHANNEL,
    userId: message.from,
    messageId: message.id,
    at: new Date(Number.isFinite(seconds) ? seconds * 1000 : 0),
  };
  const decode = (id: string) => (options.payloads ? decodePayload(id, options.payloads) : id);

  switch (message.type) {
    case 'text':
      return typeof message.text?.body === 'string' ? { ...base, text: message.text.body } : undefined;
    case 'interactive': {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      if (!reply?.id) return undefined;
      const payload = decode(reply.id);
      // A row whose payload the table forgot still says what the guest chose: its title goes to the NLU.
      return payload ? { ...base, payload, text: reply.title } : { ...base, text: reply.title };
    }
    case 'button':
      // A quick-reply button of a template (sent outside the 24-hour window).
      return message.button?.text || message.button?.payload
        ? { ...base, text: message.button.text, ...(message.button.payload?.startsWith('/') ? { payload: message.button.payload } : {}) }
        : undefined;
    case 'image':
    case 'document':
    case 'audio':
    case 'video':
    case 'sticker': {
      const media = message[message.type];
      if (!media?.id) return undefined;
      const attachment: MessageAttachment = { type: message.type === 'document' && !media.mime_type?.startsWith('image/') ? 'file' : message.type === 'document' ? 'image' : message.type, fileId: media.id };
      if (media.mime_type) attachment.mimeType = media.mime_type;
      if (media.sha256) attachment.sha256 = media.sha256;
      if (media.filename) attachment.name = media.filename;
      return media.caption ? { ...base, text: media.caption, attachments: [attachment] } : { ...base, attachments: [attachment] };
    }
    case 'location': {
      const l = message.location;
      if (typeof l?.latitude !== 'number' || typeof l.longitude !== 'number') return undefined;
      return { ...base, attachments: [{ type: 'location', latitude: l.latitude, longitude: l.longitude, ...(l.name ? { name: l.name } : {}) }] };
    }
    default:
      return undefined;
  }
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null;
}

function arrayOf<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Turns a WhatsApp Cloud API webhook body (also 360dialog's, which forwards it unchanged) into the
 * engine's inbound messages: texts, pressed reply buttons and list rows (their id is the payload),
 * template quick replies, images and other media as attachment references. Status callbacks (sent,
 * delivered, read, failed) carry no guest message and are skipped. A malformed message is skipped
 * alone, with the reason. Pure; never throws.
 */
import type { InboundMessage, MessageAttachment } from '../../common';
import { MalformedPayloadError, skipReason, type SkippedPayload, decodePayload, type PayloadTable } from '../messaging';

/** The channel name WhatsApp messages carry. */
export const WHATSAPP_CHANNEL = 'whatsapp';

/** A guest's WhatsApp message in the engine's shape. */
export interface WhatsAppInboundMessage extends InboundMessage {
  channel: typeof WHATSAPP_CHANNEL;
  /** The guest's WhatsApp id (`wa_id`, the phone number in international format without "+"). */
  userId: string;
  /** `+` and the `wa_id`: the number WhatsApp delivered the message from. */
  verifiedPhone: string;
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
        contacts?: WebhookContact[];
        messages?: WhatsAppMessage[];
        statuses?: unknown[];
      };
    }>;
  }>;
}

interface WebhookContact {
  wa_id?: string;
  profile?: { name?: string };
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

/** What a webhook body holds: the guests' messages, and the malformed ones left out (for the log). */
export interface WhatsAppWebhookContents {
  messages: WhatsAppInboundMessage[];
  skipped: SkippedPayload[];
}

/** A WhatsApp id (`wa_id`, `from`): the phone number in international format, digits only. */
const WA_ID = /^\d{6,15}$/;

/**
 * The guests' messages in a webhook body, in the order given. A message of a kind the assistant cannot
 * read (a reaction, an unsupported type) is left out; so is anything malformed.
 *
 * @example
 * parseWhatsAppWebhook(body) // [{ channel: 'whatsapp', userId: '79991234567', messageId: 'wamid.…', text: 'привет', at: … }]
 */
export function parseWhatsAppWebhook(body: unknown, options: ParseWhatsAppOptions = {}): WhatsAppInboundMessage[] {
  return readWhatsAppWebhook(body, options).messages;
}

/**
 * Like {@link parseWhatsAppWebhook}, and says which messages were malformed and why: one bad message
 * never costs the others of its batch. Never throws.
 *
 * @example
 * readWhatsAppWebhook(body) // { messages: [...], skipped: [{ reason: 'the payload\'s "text.body" is missing…', messageId: 'wamid.…' }] }
 */
export function readWhatsAppWebhook(body: unknown, options: ParseWhatsAppOptions = {}): WhatsAppWebhookContents {
  const contents: WhatsAppWebhookContents = { messages: [], skipped: [] };
  if (!isObject(body) || (body as WebhookBody).object !== 'whatsapp_business_account') return contents;
  for (const entry of arrayOf((body as WebhookBody).entry)) {
    for (const change of arrayOf(isObject(entry) ? entry.changes : undefined)) {
      const value = isObject(change) ? change.value : undefined;
      if (!isObject(value) || (change.field !== undefined && change.field !== 'messages')) continue;
      const names = namesOf(value.contacts);
      const phoneNumberId = isObject(value.metadata) ? text(value.metadata.phone_number_id) : undefined;
      for (const message of arrayOf(value.messages)) {
        try {
          const inbound = parseMessage(message, options);
          if (!inbound) continue;
          const name = names.get(inbound.userId);
          if (name) inbound.userName = name;
          if (phoneNumberId) inbound.phoneNumberId = phoneNumberId;
          contents.messages.push(inbound);
        } catch (error) {
          const id = isObject(message) ? text(message.id) : undefined;
          contents.skipped.push({ reason: skipReason(error), ...(id ? { messageId: id } : {}) });
        }
      }
    }
  }
  return contents;
}

/** The guests' profile names by wa_id; entries of the wrong shape are left out. */
function namesOf(contacts: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const contact of arrayOf(contacts as WebhookContact[] | undefined)) {
    const waId = isObject(contact) ? text(contact.wa_id) : undefined;
    const name = waId && isObject(contact.profile) ? text(contact.profile.name) : undefined;
    if (waId && name) names.set(waId, name);
  }
  return names;
}

/**
 * One message in the engine's shape; undefined for a kind the assistant does not read.
 *
 * @throws {MalformedPayloadError} when a field it needs is missing or of the wrong type.
 */
function parseMessage(message: WhatsAppMessage, options: ParseWhatsAppOptions): WhatsAppInboundMessage | undefined {
  if (!isObject(message)) throw new MalformedPayloadError('message', 'is not an object');
  if (typeof message.from !== 'string' || !WA_ID.test(message.from)) throw new MalformedPayloadError('from', 'is not a WhatsApp id (digits)');
  if (!text(message.id)) throw new MalformedPayloadError('id');
  if (typeof message.type !== 'string') throw new MalformedPayloadError('type');
  const base: WhatsAppInboundMessage = {
    channel: WHATSAPP_CHANNEL,
    userId: message.from,
    messageId: message.id as string,
    at: dateOf(message.timestamp),
    // WhatsApp delivers from the number itself: the sender's wa_id is her phone, in E.164 without "+".
    verifiedPhone: `+${message.from}`,
  };
  const decode = (id: string) => (options.payloads ? decodePayload(id, options.payloads) : id);

  switch (message.type) {
    case 'text': {
      const body = isObject(message.text) ? message.text.body : undefined;
      if (typeof body !== 'string') throw new MalformedPayloadError('text.body');
      return { ...base, text: body };
    }
    case 'interactive': {
      const interactive = isObject(message.interactive) ? message.interactive : {};
      const reply = [interactive.button_reply, interactive.list_reply].find(isObject);
      if (!reply || !text(reply.id)) throw new MalformedPayloadError('interactive.button_reply.id');
      const title = text(reply.title);
      const payload = decode(reply.id as string);
      // A row whose payload the table forgot still says what the guest chose: its title goes to the NLU.
      return payload ? { ...base, payload, text: title } : { ...base, text: title };
    }
    case 'button': {
      // A quick-reply button of a template (sent outside the 24-hour window).
      const button = isObject(message.button) ? message.button : {};
      const title = text(button.text);
      const payload = text(button.payload);
      if (!title && !payload) throw new MalformedPayloadError('button.text');
      return { ...base, text: title, ...(payload?.startsWith('/') ? { payload } : {}) };
    }
    case 'image':
    case 'document':
    case 'audio':
    case 'video':
    case 'sticker': {
      const media = isObject(message[message.type]) ? (message[message.type] as Media) : {};
      const fileId = text(media.id);
      if (!fileId) throw new MalformedPayloadError(`${message.type}.id`);
      const mimeType = text(media.mime_type);
      const type = message.type === 'document' ? (mimeType?.startsWith('image/') ? 'image' : 'file') : message.type;
      const attachment: MessageAttachment = { type, fileId };
      if (mimeType) attachment.mimeType = mimeType;
      const sha256 = text(media.sha256);
      if (sha256) attachment.sha256 = sha256;
      const filename = text(media.filename);
      if (filename) attachment.name = filename;
      const caption = text(media.caption);
      return caption ? { ...base, text: caption, attachments: [attachment] } : { ...base, attachments: [attachment] };
    }
    case 'location': {
      const l = isObject(message.location) ? message.location : {};
      if (!Number.isFinite(l.latitude) || !Number.isFinite(l.longitude)) throw new MalformedPayloadError('location.latitude');
      const name = text(l.name);
      return { ...base, attachments: [{ type: 'location', latitude: l.latitude as number, longitude: l.longitude as number, ...(name ? { name } : {}) }] };
    }
    default:
      return undefined;
  }
}

/** The webhook's `timestamp` (seconds, as a string); the epoch when it is unreadable. */
function dateOf(timestamp: unknown): Date {
  const date = new Date(Number(timestamp) * 1000);
  return (typeof timestamp === 'string' || typeof timestamp === 'number') && Number.isFinite(date.getTime()) ? date : new Date(0);
}

/** A non-empty string, or undefined. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

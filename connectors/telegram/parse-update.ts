/**
 * Turns one Telegram update into what the connector does with it: a guest's message for the engine, a
 * command the connector answers itself (`/start`, `/help`), a staff chat message, nothing, or a malformed
 * update to skip (a field missing or of the wrong type). Pure; never throws.
 */
import type TelegramBot from 'node-telegram-bot-api';
import type { InboundMessage, MessageAttachment } from '../../common';
import { MalformedPayloadError, skipReason, decodePayload, type PayloadTable } from '../messaging';

/** The channel name Telegram messages carry. */
export const TELEGRAM_CHANNEL = 'telegram';

/** A guest's Telegram message in the engine's shape, with the time Telegram gave it. */
export interface TelegramInboundMessage extends InboundMessage {
  channel: typeof TELEGRAM_CHANNEL;
  /** The chat to answer in (a private chat's id is the guest's user id). */
  userId: string;
  /** `<chat id>:<message id>` for messages, `cb:<callback query id>` for pressed buttons: unique per bot. */
  messageId: string;
  /** When the guest sent it (Telegram's `date`). */
  at: Date;
}

/** What an update means for the connector. */
export type ParsedTelegramUpdate =
  | { kind: 'message'; message: TelegramInboundMessage; callbackQueryId?: string }
  | { kind: 'command'; command: 'start' | 'help'; message: TelegramInboundMessage }
  | { kind: 'staff'; message: TelegramBot.Message }
  | { kind: 'ignored'; reason: string; callbackQueryId?: string }
  /** A field the connector needs is missing or of the wrong type: skipped (and logged), never retried. */
  | { kind: 'malformed'; reason: string; callbackQueryId?: string };

export interface ParseTelegramOptions {
  /** Where long button payloads were kept (see `encodePayload`). */
  payloads: PayloadTable;
  /** The staff chat (handover relay): its messages go to the staff handler, never to the engine. */
  staffChatId?: string;
  /** The reply keyboard a chat shows (titles → payloads), so a pressed reply button becomes its payload. */
  replyKeyboardTitles?: (chatId: string) => Record<string, string> | undefined;
}

/**
 * What one update means. Only private chats reach the engine; edits, channel posts, group chats and
 * updates of other kinds are ignored with a reason (for the log); a malformed update is `malformed`.
 *
 * @example
 * parseTelegramUpdate({ update_id: 1, message: { message_id: 5, date: 1764255600, chat: { id: 42, type: 'private' }, text: 'привет' } }, opts)
 * // { kind: 'message', message: { channel: 'telegram', userId: '42', messageId: '42:5', text: 'привет', at: … } }
 */
export function parseTelegramUpdate(update: TelegramBot.Update, options: ParseTelegramOptions): ParsedTelegramUpdate {
  try {
    return parseUpdate(update, options);
  } catch (error) {
    const query: unknown = isObject(update) ? update.callback_query : undefined;
    const callbackQueryId = isObject(query) && typeof query.id === 'string' && query.id ? query.id : undefined;
    return { kind: 'malformed', reason: skipReason(error), ...(callbackQueryId ? { callbackQueryId } : {}) };
  }
}

/** @throws {MalformedPayloadError} (or a TypeError of a shape nobody foresaw: the caller turns both into `malformed`). */
function parseUpdate(update: TelegramBot.Update, options: ParseTelegramOptions): ParsedTelegramUpdate {
  if (!isObject(update)) throw new MalformedPayloadError('update', 'is not an object');
  if (update.callback_query !== undefined) return parseCallback(update.callback_query, options);
  const message = update.message;
  if (!message) return { kind: 'ignored', reason: `update of another kind (${Object.keys(update).filter((k) => k !== 'update_id').join(', ') || 'empty'})` };
  if (!isObject(message)) throw new MalformedPayloadError('message', 'is not an object');
  const chatId = idOf(isObject(message.chat) ? message.chat.id : undefined, 'message.chat.id');
  const messageId = idOf(message.message_id, 'message.message_id');
  if (options.staffChatId !== undefined && chatId === String(options.staffChatId)) return { kind: 'staff', message };
  if (message.chat.type !== 'private') return { kind: 'ignored', reason: `a ${String(message.chat.type)} chat` };

  const base: TelegramInboundMessage = {
    channel: TELEGRAM_CHANNEL,
    userId: chatId,
    messageId: `${chatId}:${messageId}`,
    at: dateOf(message.date),
  };
  const userName = nameOf(message.from);
  if (userName) base.userName = userName;

  if (typeof message.text === 'string') {
    const command = commandOf(message.text);
    if (command === 'start' || command === 'help') return { kind: 'command', command, message: { ...base, text: message.text } };
    const payload = options.replyKeyboardTitles?.(chatId)?.[message.text];
    return { kind: 'message', message: typeof payload === 'string' ? { ...base, text: message.text, payload } : { ...base, text: message.text } };
  }
  if (message.contact !== undefined) {
    const phone = isObject(message.contact) ? message.contact.phone_number : undefined;
    if (typeof phone !== 'string' || phone.trim() === '') throw new MalformedPayloadError('message.contact.phone_number');
    const shared: TelegramInboundMessage = { ...base, text: formatPhone(phone) };
    const verifiedPhone = ownPhone(message.contact, message.from);
    if (verifiedPhone) shared.verifiedPhone = verifiedPhone;
    return { kind: 'message', message: shared };
  }
  const attachments = attachmentsOf(message);
  if (attachments.length > 0) {
    const parsed: TelegramInboundMessage = { ...base, attachments };
    if (typeof message.caption === 'string' && message.caption) parsed.text = message.caption;
    return { kind: 'message', message: parsed };
  }
  return { kind: 'ignored', reason: 'a message without text, contact or media' };
}

function parseCallback(query: TelegramBot.CallbackQuery, options: ParseTelegramOptions): ParsedTelegramUpdate {
  if (!isObject(query) || typeof query.id !== 'string' || query.id === '') throw new MalformedPayloadError('callback_query.id');
  const chat = isObject(query.message) && isObject(query.message.chat) ? query.message.chat : undefined;
  if (chat && chat.type !== 'private') return { kind: 'ignored', reason: `a button in a ${String(chat.type)} chat`, callbackQueryId: query.id };
  if (query.data !== undefined && typeof query.data !== 'string') throw new MalformedPayloadError('callback_query.data');
  const userId = chat ? idOf(chat.id, 'callback_query.message.chat.id') : idOf(isObject(query.from) ? query.from.id : undefined, 'callback_query.from.id');
  const payload = query.data === undefined ? undefined : decodePayload(query.data, options.payloads);
  if (payload === undefined) return { kind: 'ignored', reason: 'a button whose payload is no longer known', callbackQueryId: query.id };
  const message: TelegramInboundMessage = {
    channel: TELEGRAM_CHANNEL,
    userId,
    messageId: `cb:${query.id}`,
    payload,
    // A callback query has no date of its own; the keyboard's message date is the best we have.
    at: dateOf(query.message?.date ?? 0),
  };
  const title = buttonTitle(query);
  if (title) message.text = title;
  const userName = nameOf(query.from);
  if (userName) message.userName = userName;
  return { kind: 'message', message, callbackQueryId: query.id };
}

/** A chat, user or message id: a number (or a numeric string), as a string. */
function idOf(value: unknown, field: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
  throw new MalformedPayloadError(field, 'is not a Telegram id');
}

/** Telegram's `date` (seconds); the epoch when it is unreadable. */
function dateOf(seconds: unknown): Date {
  const date = new Date(Number(seconds) * 1000);
  return typeof seconds === 'number' && Number.isFinite(date.getTime()) ? date : new Date(0);
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `/start`, `/help@MyBot payload` → `start`, `help`; anything else → undefined. */
function commandOf(text: string): string | undefined {
  const match = /^\/([a-z_]+)(?:@\w+)?(?:\s|$)/i.exec(text.trim());
  return match?.[1].toLowerCase();
}

/** The pressed button's title, from the keyboard of the message it was under. */
function buttonTitle(query: TelegramBot.CallbackQuery): string | undefined {
  const rows: unknown = query.message?.reply_markup?.inline_keyboard;
  for (const row of Array.isArray(rows) ? rows : []) {
    for (const button of Array.isArray(row) ? row : []) {
      if (isObject(button) && button.callback_data === query.data && typeof button.text === 'string') return button.text;
    }
  }
  return undefined;
}

function nameOf(user: TelegramBot.User | undefined): string | undefined {
  if (!isObject(user)) return undefined;
  const name = [user.first_name, user.last_name].filter((part) => typeof part === 'string' && part).join(' ').trim();
  return name || undefined;
}

/**
 * The number of a contact the sender shared of herself (Telegram's "share my number" button fills
 * `user_id` with her own id), as "+" and its digits; undefined for anyone else's contact.
 */
function ownPhone(contact: TelegramBot.Contact, from: TelegramBot.User | undefined): string | undefined {
  const senderId = isObject(from) ? from.id : undefined;
  if (typeof contact.user_id !== 'number' || !Number.isSafeInteger(contact.user_id) || contact.user_id !== senderId) return undefined;
  const digits = contact.phone_number.replace(/\D/g, '');
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : undefined;
}

/** Telegram gives the contact's number with or without "+" ("79991234567"); the engine reads both. */
function formatPhone(phone: string): string {
  const trimmed = phone.trim();
  return /^\d{11,15}$/.test(trimmed) ? `+${trimmed}` : trimmed;
}

/** @throws {MalformedPayloadError} for media without a file id. */
function attachmentsOf(message: TelegramBot.Message): MessageAttachment[] {
  if (Array.isArray(message.photo) && message.photo.length > 0) {
    // Telegram sends several sizes, smallest first; the largest is the one staff want to see.
    const largest: unknown = message.photo[message.photo.length - 1];
    if (!isObject(largest)) throw new MalformedPayloadError('message.photo', 'holds no photo size');
    const photo: MessageAttachment = { type: 'image', fileId: fileIdOf(largest, 'message.photo.file_id') };
    if (typeof largest.file_unique_id === 'string') photo.fileUniqueId = largest.file_unique_id;
    if (typeof largest.width === 'number') photo.width = largest.width;
    if (typeof largest.height === 'number') photo.height = largest.height;
    return [photo];
  }
  if (message.document !== undefined) {
    const d = message.document;
    const mimeType = isObject(d) && typeof d.mime_type === 'string' ? d.mime_type : undefined;
    const name = isObject(d) && typeof d.file_name === 'string' ? d.file_name : undefined;
    return [{ type: mimeType?.startsWith('image/') ? 'image' : 'file', fileId: fileIdOf(d, 'message.document.file_id'), mimeType, name }];
  }
  for (const kind of ['voice', 'audio', 'video'] as const) {
    const media = message[kind];
    if (media === undefined) continue;
    const mimeType = isObject(media) && typeof media.mime_type === 'string' ? media.mime_type : undefined;
    return [{ type: kind === 'voice' ? 'audio' : kind, fileId: fileIdOf(media, `message.${kind}.file_id`), mimeType }];
  }
  if (message.location !== undefined) {
    const l = message.location;
    if (!isObject(l) || !Number.isFinite(l.latitude) || !Number.isFinite(l.longitude)) throw new MalformedPayloadError('message.location.latitude');
    return [{ type: 'location', latitude: l.latitude, longitude: l.longitude }];
  }
  if (message.sticker !== undefined) return [{ type: 'sticker', fileId: fileIdOf(message.sticker, 'message.sticker.file_id') }];
  return [];
}

function fileIdOf(media: unknown, field: string): string {
  const fileId = isObject(media) ? media.file_id : undefined;
  if (typeof fileId !== 'string' || fileId === '') throw new MalformedPayloadError(field);
  return fileId;
}

/**
 * Turns one Telegram update into what the connector does with it: a guest's message for the engine, a
 * command the connector answers itself (`/start`, `/help`), a staff chat message, or nothing. Pure.
 */
import type TelegramBot from 'node-telegram-bot-api';
import type { InboundMessage } from '../../engine/dialogue/types';
import type { MessageAttachment } from '../../engine/store';
import { decodePayload, type PayloadTable } from './payload-table';

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
  | { kind: 'ignored'; reason: string; callbackQueryId?: string };

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
 * updates of other kinds are ignored with a reason (for the log).
 *
 * @example
 * parseTelegramUpdate({ update_id: 1, message: { message_id: 5, date: 1764255600, chat: { id: 42, type: 'private' }, text: 'привет' } }, opts)
 * // { kind: 'message', message: { channel: 'telegram', userId: '42', messageId: '42:5', text: 'привет', at: … } }
 */
export function parseTelegramUpdate(update: TelegramBot.Update, options: ParseTelegramOptions): ParsedTelegramUpdate {
  if (update.callback_query) return parseCallback(update.callback_query, options);
  const message = update.message;
  if (!message) return { kind: 'ignored', reason: `update of another kind (${Object.keys(update).filter((k) => k !== 'update_id').join(', ') || 'empty'})` };
  const chatId = String(message.chat.id);
  if (options.staffChatId !== undefined && chatId === String(options.staffChatId)) return { kind: 'staff', message };
  if (message.chat.type !== 'private') return { kind: 'ignored', reason: `a ${message.chat.type} chat` };

  const base: TelegramInboundMessage = {
    channel: TELEGRAM_CHANNEL,
    userId: chatId,
    messageId: `${chatId}:${message.message_id}`,
    at: new Date(message.date * 1000),
  };
  const userName = nameOf(message.from);
  if (userName) base.userName = userName;

  if (typeof message.text === 'string') {
    const command = commandOf(message.text);
    if (command === 'start' || command === 'help') return { kind: 'command', command, message: { ...base, text: message.text } };
    const payload = options.replyKeyboardTitles?.(chatId)?.[message.text];
    return { kind: 'message', message: payload ? { ...base, text: message.text, payload } : { ...base, text: message.text } };
  }
  if (message.contact) {
    return { kind: 'message', message: { ...base, text: formatPhone(message.contact.phone_number) } };
  }
  const attachments = attachmentsOf(message);
  if (attachments.length > 0) {
    const parsed: TelegramInboundMessage = { ...base, attachments };
    if (message.caption) parsed.text = message.caption;
    return { kind: 'message', message: parsed };
  }
  return { kind: 'ignored', reason: 'a message without text, contact or media' };
}

function parseCallback(query: TelegramBot.CallbackQuery, options: ParseTelegramOptions): ParsedTelegramUpdate {
  const chat = query.message?.chat;
  if (chat && chat.type !== 'private') return { kind: 'ignored', reason: `a button in a ${chat.type} chat`, callbackQueryId: query.id };
  const payload = query.data === undefined ? undefined : decodePayload(query.data, options.payloads);
  if (payload === undefined) return { kind: 'ignored', reason: 'a button whose payload is no longer known', callbackQueryId: query.id };
  const message: TelegramInboundMessage = {
    channel: TELEGRAM_CHANNEL,
    userId: String(chat?.id ?? query.from.id),
    messageId: `cb:${query.id}`,
    payload,
    // A callback query has no date of its own; the keyboard's message date is the best we have.
    at: new Date((query.message?.date ?? 0) * 1000),
  };
  const title = buttonTitle(query);
  if (title) message.text = title;
  const userName = nameOf(query.from);
  if (userName) message.userName = userName;
  return { kind: 'message', message, callbackQueryId: query.id };
}

/** `/start`, `/help@MyBot payload` → `start`, `help`; anything else → undefined. */
function commandOf(text: string): string | undefined {
  const match = /^\/([a-z_]+)(?:@\w+)?(?:\s|$)/i.exec(text.trim());
  return match?.[1].toLowerCase();
}

/** The pressed button's title, from the keyboard of the message it was under. */
function buttonTitle(query: TelegramBot.CallbackQuery): string | undefined {
  for (const row of query.message?.reply_markup?.inline_keyboard ?? []) {
    for (const button of row) if (button.callback_data === query.data) return button.text;
  }
  return undefined;
}

function nameOf(user: TelegramBot.User | undefined): string | undefined {
  if (!user) return undefined;
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return name || undefined;
}

/** Telegram gives the contact's number with or without "+" ("79991234567"); the engine reads both. */
function formatPhone(phone: string): string {
  const trimmed = phone.trim();
  return /^\d{11,15}$/.test(trimmed) ? `+${trimmed}` : trimmed;
}

function attachmentsOf(message: TelegramBot.Message): MessageAttachment[] {
  if (message.photo && message.photo.length > 0) {
    // Telegram sends several sizes, smallest first; the largest is the one staff want to see.
    const largest = message.photo[message.photo.length - 1];
    return [{ type: 'image', fileId: largest.file_id, fileUniqueId: largest.file_unique_id, width: largest.width, height: largest.height }];
  }
  if (message.document) {
    const d = message.document;
    return [{ type: d.mime_type?.startsWith('image/') ? 'image' : 'file', fileId: d.file_id, mimeType: d.mime_type, name: d.file_name }];
  }
  if (message.voice) return [{ type: 'audio', fileId: message.voice.file_id, mimeType: message.voice.mime_type }];
  if (message.audio) return [{ type: 'audio', fileId: message.audio.file_id, mimeType: message.audio.mime_type }];
  if (message.video) return [{ type: 'video', fileId: message.video.file_id, mimeType: message.video.mime_type }];
  if (message.location) return [{ type: 'location', latitude: message.location.latitude, longitude: message.location.longitude }];
  if (message.sticker) return [{ type: 'sticker', fileId: message.sticker.file_id }];
  return [];
}

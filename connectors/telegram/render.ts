/**
 * Renders one assistant reply into Telegram `sendMessage` calls: the text split to the 4,096-character
 * limit, choices as an inline keyboard under the last part, and a "share my number" reply keyboard when
 * the reply asks for a phone. Pure: the sender does the calls.
 */
import type TelegramBot from 'node-telegram-bot-api';
import type { Reply } from '../../common';
import { encodePayload, type PayloadTable, MAX_MESSAGE_LENGTH, splitText } from '../messaging';
import { asksForPhone, type PhoneAwareReply } from './phone-request';

/** Telegram's limit for `callback_data`, in bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

/** One `sendMessage` call. */
export interface TelegramOutgoingMessage {
  text: string;
  options: TelegramBot.SendMessageOptions;
}

export interface TelegramRenderOptions {
  /** Where payloads longer than 64 bytes are kept. */
  payloads: PayloadTable;
  /** The title of the contact-request button. */
  sharePhoneTitle: string;
  /** Response keys that ask for a phone (default: ask_phone, ask_phone_identify, phone_not_understood). */
  phoneResponses?: ReadonlySet<string>;
  /** True when the chat still shows a reply keyboard that this reply should take away. */
  removeKeyboard?: boolean;
}

/** The rendered reply: the calls, and the reply keyboard's titles → payloads the connector must remember. */
export interface TelegramRendering {
  messages: TelegramOutgoingMessage[];
  /** Set when the reply shows a reply keyboard (the phone request): its button titles and their payloads. */
  replyKeyboard?: { titles: Record<string, string> };
}

/**
 * The `sendMessage` calls for a reply. An empty text with buttons still sends one message (Telegram needs
 * a text under a keyboard), so no choice is ever lost.
 *
 * @example
 * renderTelegramReply({ text: 'Куда?', buttons: [{ title: 'Тверская', payload: '/slot branch=tverskaya' }] }, opts)
 * // { messages: [{ text: 'Куда?', options: { reply_markup: { inline_keyboard: [[{ text: 'Тверская', callback_data: '/slot branch=tverskaya' }]] } } }] }
 */
export function renderTelegramReply(reply: PhoneAwareReply | Reply, options: TelegramRenderOptions): TelegramRendering {
  const parts = splitText(reply.text ?? '', MAX_MESSAGE_LENGTH);
  const buttons = (reply.buttons ?? []).filter((b) => b && b.title && b.payload);
  if (parts.length === 0) {
    if (buttons.length === 0 && !asksForPhone(reply, options.phoneResponses)) return { messages: [] };
    parts.push('…');
  }
  const messages: TelegramOutgoingMessage[] = parts.map((text) => ({ text, options: {} }));
  const last = messages[messages.length - 1];

  if (asksForPhone(reply, options.phoneResponses)) {
    // A reply keyboard and an inline keyboard cannot share a message: the choices become reply buttons
    // whose titles the connector maps back to payloads.
    const titles: Record<string, string> = {};
    for (const b of buttons) titles[b.title] = b.payload;
    last.options.reply_markup = {
      keyboard: [[{ text: options.sharePhoneTitle, request_contact: true }], ...buttons.map((b) => [{ text: b.title }])],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
    return { messages, replyKeyboard: { titles } };
  }
  if (buttons.length > 0) {
    const inline = buttons.map((b) => ({
      text: b.title,
      callback_data: encodePayload(b.payload, options.payloads, MAX_CALLBACK_DATA_BYTES),
    }));
    last.options.reply_markup = { inline_keyboard: rows(inline) };
  } else if (options.removeKeyboard) {
    last.options.reply_markup = { remove_keyboard: true };
  }
  return { messages };
}

/** Short titles (times, yes/no) go several to a row; long ones (services, branches) one per row. */
function rows<T extends { text: string }>(buttons: T[]): T[][] {
  const longest = Math.max(...buttons.map((b) => Array.from(b.text).length));
  const perRow = longest <= 8 ? 3 : longest <= 16 ? 2 : 1;
  const result: T[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) result.push(buttons.slice(i, i + perRow));
  return result;
}

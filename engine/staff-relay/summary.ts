/**
 * What the staff chat reads: the summary of a handed-over conversation, and the guest's later messages.
 * Plain text (no Markdown to escape). Phones and e-mails are masked as in the logs (`+7 *** ***-**-67`):
 * the staff chat is a group whose history every future member reads; staff answer through the relay,
 * and find the full number in the CRM by the client id when they must call.
 */
import { redactPersonalData } from '../../common/redact';
import type { Reply } from '../dialogue/types';
import type { LoggedMessage } from '../store';

/** Response keys of the staff chat's messages (the staff sender threads all but the summary). */
export const STAFF_SUMMARY = 'staff_summary';
export const STAFF_GUEST_MESSAGE = 'staff_guest_message';
export const STAFF_NOTE = 'staff_note';

/** What the summary says about a conversation. */
export interface HandoverFacts {
  channel: string;
  /** The store's `handedOver.reason` (`guest_asked`, `complaint`, `change_too_late`, `medical`, …). */
  reason: string;
  guestName?: string;
  clientId?: string;
  phone?: string;
  ticketId?: string;
  /** The latest messages of the log, oldest first. */
  messages: LoggedMessage[];
}

const CHANNELS: Record<string, string> = { telegram: 'Telegram', whatsapp: 'WhatsApp', web: 'чат на сайте' };
const REASONS: Record<string, string> = {
  guest_asked: 'гость попросил администратора',
  complaint: 'жалоба на визит',
  change_too_late: 'перенос или отмена позже, чем позволяют правила',
  medical: 'вопрос о здоровье или противопоказаниях',
  abuse: 'грубость в переписке',
};
/** A long guest message is cut in the summary (the whole text is in the conversation log). */
const MAX_QUOTE = 300;

/**
 * The summary posted when a conversation is handed over.
 *
 * @example
 * staffSummary({ channel: 'telegram', reason: 'guest_asked', guestName: 'Анна', messages }).text
 * // '🔔 Гость ждёт администратора\nГость: Анна\nКанал: Telegram\nПричина: гость попросил администратора\n…'
 */
export function staffSummary(facts: HandoverFacts): Reply {
  const lines = [
    '🔔 Гость ждёт администратора',
    `Гость: ${facts.guestName ?? 'имя неизвестно'}`,
    `Канал: ${channelName(facts.channel)}`,
    `Причина: ${REASONS[facts.reason] ?? facts.reason}`,
  ];
  if (facts.clientId) lines.push(`Клиент в CRM: ${facts.clientId}`);
  if (facts.phone) lines.push(`Телефон: ${redactPersonalData(facts.phone)}`);
  if (facts.ticketId) lines.push(`Обращение: ${facts.ticketId}`);
  const quoted = facts.messages.filter((m) => m.text || m.attachments?.length).map((m) => `${m.direction === 'in' ? 'Гость' : 'Ассистент'}: ${quote(m)}`);
  if (quoted.length > 0) lines.push('', 'Последние сообщения:', ...quoted);
  lines.push('', 'Ответьте на это сообщение (Reply) — ответ уйдёт гостю. Ответ /bot вернёт разговор ассистенту.');
  return { text: lines.join('\n'), buttons: [], response: STAFF_SUMMARY };
}

/**
 * A guest's message written while staff have the conversation.
 *
 * @example staffGuestMessage({ channel: 'whatsapp', guestName: 'Анна', text: 'а можно пораньше?' }).text // '💬 Анна (WhatsApp): а можно пораньше?'
 */
export function staffGuestMessage(message: { channel: string; guestName?: string; text?: string; attachments?: Array<{ type: string }> }): Reply {
  const body = [message.text ? redactPersonalData(message.text) : '', ...(message.attachments ?? []).map(attachmentLabel)].filter(Boolean).join(' ');
  return { text: `💬 ${message.guestName ?? 'Гость'} (${channelName(message.channel)}): ${body || '(пустое сообщение)'}`, buttons: [], response: STAFF_GUEST_MESSAGE };
}

/** A short note for staff in the conversation's thread. */
export function staffNote(text: string): Reply {
  return { text, buttons: [], response: STAFF_NOTE };
}

function channelName(channel: string): string {
  return CHANNELS[channel] ?? channel;
}

function quote(message: LoggedMessage): string {
  const text = redactPersonalData(message.text ?? '').replace(/\s+/g, ' ').trim();
  const cut = Array.from(text).length > MAX_QUOTE ? `${Array.from(text).slice(0, MAX_QUOTE - 1).join('')}…` : text;
  return [cut, ...(message.attachments ?? []).map(attachmentLabel)].filter(Boolean).join(' ');
}

function attachmentLabel(attachment: { type: string }): string {
  return attachment.type === 'image' ? '[фото]' : `[${attachment.type}]`;
}

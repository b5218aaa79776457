/**
 * What the staff chat reads: the summary of a handed-over conversation, and the guest's later messages.
 * Plain text (no Markdown to escape). Phones and e-mails are masked as in the logs (`+7 *** ***-**-67`):
 * the staff chat is a group whose history every future member reads; staff answer through the relay,
 * and find the full number in the CRM by the client id when they must call.
 */
import { redactPersonalData, type Reply } from '../../common';
import { fillStaffText, type StaffTexts } from '../../salon';
import type { LoggedMessage } from '../../core';

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

/** A long guest message is cut in the summary (the whole text is in the conversation log). */
const MAX_QUOTE = 300;

/**
 * The summary posted when a conversation is handed over, in the words of content/staff.yaml.
 *
 * @example
 * staffSummary(texts, { channel: 'telegram', reason: 'guest_asked', guestName: 'Анна', messages }).text
 * // '🔔 Гость ждёт администратора\nГость: Анна\nКанал: Telegram\nПричина: гость попросил администратора\n…'
 */
export function staffSummary(texts: StaffTexts, facts: HandoverFacts): Reply {
  const words = texts.summary;
  const lines = [
    words.title,
    fillStaffText(words.guest, { name: facts.guestName ?? words.unknown_name }),
    fillStaffText(words.channel, { channel: channelName(texts, facts.channel) }),
    fillStaffText(words.reason, { reason: texts.reasons[facts.reason] ?? facts.reason }),
  ];
  if (facts.clientId) lines.push(fillStaffText(words.client, { client_id: facts.clientId }));
  if (facts.phone) lines.push(fillStaffText(words.phone, { phone: redactPersonalData(facts.phone) }));
  if (facts.ticketId) lines.push(fillStaffText(words.ticket, { ticket: facts.ticketId }));
  const quoted = facts.messages
    .filter((m) => m.text || m.attachments?.length)
    .map((m) => `${m.direction === 'in' ? words.from_guest : words.from_assistant}: ${quote(texts, m)}`);
  if (quoted.length > 0) lines.push('', words.last_messages, ...quoted);
  lines.push('', words.how_to_answer);
  return { text: lines.join('\n'), buttons: [], response: STAFF_SUMMARY };
}

/**
 * A guest's message written while staff have the conversation.
 *
 * @example staffGuestMessage(texts, { channel: 'whatsapp', guestName: 'Анна', text: 'а можно пораньше?' }).text // '💬 Анна (WhatsApp): а можно пораньше?'
 */
export function staffGuestMessage(texts: StaffTexts, message: { channel: string; guestName?: string; text?: string; attachments?: Array<{ type: string }> }): Reply {
  const body = [message.text ? redactPersonalData(message.text) : '', ...(message.attachments ?? []).map((a) => attachmentLabel(texts, a))].filter(Boolean).join(' ');
  const text = fillStaffText(texts.guest_message, { name: message.guestName ?? texts.summary.from_guest, channel: channelName(texts, message.channel), text: body || texts.empty_message });
  return { text, buttons: [], response: STAFF_GUEST_MESSAGE };
}

/** A short note for staff in the conversation's thread (one of content/staff.yaml's `notes`). */
export function staffNote(texts: StaffTexts, note: keyof StaffTexts['notes']): Reply {
  return { text: texts.notes[note], buttons: [], response: STAFF_NOTE };
}

function channelName(texts: StaffTexts, channel: string): string {
  return texts.channels[channel] ?? channel;
}

function quote(texts: StaffTexts, message: LoggedMessage): string {
  const text = redactPersonalData(message.text ?? '').replace(/\s+/g, ' ').trim();
  const cut = Array.from(text).length > MAX_QUOTE ? `${Array.from(text).slice(0, MAX_QUOTE - 1).join('')}…` : text;
  return [cut, ...(message.attachments ?? []).map((a) => attachmentLabel(texts, a))].filter(Boolean).join(' ');
}

function attachmentLabel(texts: StaffTexts, attachment: { type: string }): string {
  return attachment.type === 'image' ? texts.photo : `[${attachment.type}]`;
}

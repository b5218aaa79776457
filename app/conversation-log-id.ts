/**
 * How logs name a conversation: its channel and a short hash of its id, never the id itself. A
 * conversation id holds the guest's user id, which in WhatsApp is her phone number ("whatsapp:4915123456789").
 * The hash is the same on every line and every run, so an operator can still follow one conversation,
 * and find it from a known id with `conversationLogId(id)`.
 */
import { createHash } from 'node:crypto';

/** Hex digits of the sha256 kept: 48 bits, plenty to tell a salon's conversations apart. */
const HASH_LENGTH = 12;
const CHANNEL = /^[a-z][a-z0-9_-]{0,19}$/i;

/**
 * The id logs print for a conversation id: `<channel>#<first 12 hex digits of sha256(id)>`.
 *
 * @example conversationLogId('whatsapp:4915123456789') // 'whatsapp#' + 12 hex digits
 */
export function conversationLogId(id: string): string {
  const colon = id.indexOf(':');
  const channel = colon > 0 ? id.slice(0, colon) : '';
  const hash = createHash('sha256').update(id).digest('hex').slice(0, HASH_LENGTH);
  return `${CHANNEL.test(channel) ? channel : ''}#${hash}`;
}

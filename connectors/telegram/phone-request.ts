/**
 * Which replies ask the guest for a phone number: those get a "share my number" button in Telegram.
 */
import type { Reply } from '../../common';

/** Response keys that ask for the guest's phone number. */
export const PHONE_RESPONSES: ReadonlySet<string> = new Set(['ask_phone', 'ask_phone_identify', 'phone_not_understood']);

/** A reply that may carry an explicit flag; the engine's `Reply` has none yet, so the key decides. */
export type PhoneAwareReply = Reply & { requestPhone?: boolean };

/**
 * True when the reply asks for a phone: an explicit `requestPhone` flag, or one of {@link PHONE_RESPONSES}.
 *
 * @example
 * asksForPhone({ text: 'Напишите номер', buttons: [], response: 'ask_phone' }); // true
 */
export function asksForPhone(reply: PhoneAwareReply, keys: ReadonlySet<string> = PHONE_RESPONSES): boolean {
  if (typeof reply.requestPhone === 'boolean') return reply.requestPhone;
  return reply.response !== undefined && keys.has(reply.response);
}

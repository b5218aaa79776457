/**
 * Conversation ids: `${channel}:${userId}`, readable in logs and staff tools.
 */
import { InvalidConversationKeyError } from './errors';
import type { ConversationKey } from './types';

/**
 * The id of a conversation. Throws `InvalidConversationKeyError` for an empty part or a colon in the
 * channel (the user id may hold colons: the id splits at the first one).
 *
 * @example
 * conversationId({ channel: 'telegram', userId: '12345' }) // 'telegram:12345'
 */
export function conversationId(key: ConversationKey): string {
  if (typeof key?.channel !== 'string' || key.channel === '') throw new InvalidConversationKeyError(key, 'the channel is empty');
  if (key.channel.includes(':')) throw new InvalidConversationKeyError(key, 'the channel contains ":"');
  if (typeof key.userId !== 'string' || key.userId === '') throw new InvalidConversationKeyError(key, 'the user id is empty');
  return `${key.channel}:${key.userId}`;
}

/**
 * The key of a conversation id, the inverse of `conversationId`; throws `InvalidConversationKeyError`.
 *
 * @example
 * parseConversationId('web:7f3a:2') // { channel: 'web', userId: '7f3a:2' }
 */
export function parseConversationId(id: string): ConversationKey {
  const colon = typeof id === 'string' ? id.indexOf(':') : -1;
  if (colon < 0) throw new InvalidConversationKeyError(id, 'an id is "<channel>:<userId>"');
  const key = { channel: id.slice(0, colon), userId: id.slice(colon + 1) };
  conversationId(key);
  return key;
}

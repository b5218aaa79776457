/**
 * The state of a conversation before its first turn.
 */
import type { ConversationState } from './types';

/**
 * A fresh conversation state: no flow running, nothing remembered, not handed over. A new object each
 * call, so callers may change it.
 *
 * @example
 * const state = store.load(key)?.state ?? emptyConversationState();
 */
export function emptyConversationState(): ConversationState {
  return { stack: [], slots: {}, handedOver: null, pending: null, fallbacks: 0, turn: 0 };
}

/**
 * The recent turns an LLM prompt may show, from the conversation store's message log: the last few
 * messages, oldest first, with phones and e-mails masked, and without the guest messages the guardrails
 * flag (an injection attempt, abuse or a health question never reaches a prompt, not even as context).
 */
import { redactPersonalData } from '../../common';
import { checkMessage } from '../guardrails';
import type { RecentTurn } from '../llm';
import type { ConversationStore, LoggedMessage } from '../store';

/** How many messages of the log a prompt sees. */
export const RECENT_MESSAGES = 6;

/**
 * The last `count` messages of a conversation as prompt turns. Messages without text (a pressed button,
 * a photo) are left out, as are flagged guest messages; never throws.
 *
 * @example
 * recentTurnsOf(store, 'telegram:42')
 * // [{ role: 'guest', text: 'запишите на маникюр' }, { role: 'assistant', text: 'В какой салон вам удобнее? 🌸' }]
 */
export function recentTurnsOf(store: ConversationStore, conversationId: string, count: number = RECENT_MESSAGES): RecentTurn[] {
  let messages: LoggedMessage[];
  try {
    messages = store.messages(conversationId, { last: count });
  } catch {
    // No history is better than no answer.
    return [];
  }
  return toRecentTurns(messages);
}

/** Logged messages as prompt turns: masked, flagged guest messages and empty ones left out. */
export function toRecentTurns(messages: readonly LoggedMessage[]): RecentTurn[] {
  const turns: RecentTurn[] = [];
  for (const message of messages) {
    const text = typeof message.text === 'string' ? message.text.trim() : '';
    if (text === '') continue;
    if (message.direction === 'in') {
      const verdict = checkMessage(text);
      if (verdict.kind !== 'ok') continue;
      turns.push({ role: 'guest', text: redactPersonalData(verdict.text) });
    } else {
      turns.push({ role: 'assistant', text: redactPersonalData(text) });
    }
  }
  return turns;
}

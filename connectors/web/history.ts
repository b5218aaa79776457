/** The chat history a widget restores after a reload. */
import { type DeliveryService, OUT_OF_TURN, type ConversationStore } from '../../core';
import { type Button } from '../../common';

/** One bubble of the history. */
export interface HistoryItem {
  direction: 'in' | 'out';
  text: string;
  buttons: Button[];
  at: string;
  /** A reply's delivery id when known (replies from staff). */
  id?: number;
}

/** How many messages a widget gets back. */
const HISTORY_LIMIT = 200;

/**
 * The conversation's messages, oldest first: the turns from the conversation log, and replies no turn
 * produced (staff) merged in by time. A pressed button shows as its title.
 *
 * @example webHistory(store, delivery, 'web:k3j4h5g6f7') // [{ direction: 'in', text: 'хочу на маникюр', … }, …]
 */
export function webHistory(store: Pick<ConversationStore, 'messages'>, delivery: Pick<DeliveryService, 'outOfTurnReplies'>, conversationId: string): HistoryItem[] {
  const items: HistoryItem[] = [];
  let lastButtons: Button[] = [];
  for (const message of store.messages(conversationId, { last: HISTORY_LIMIT })) {
    // Out-of-turn messages (staff) come from the outbox below, with their delivery ids.
    if (message.turn === OUT_OF_TURN) continue;
    if (message.direction === 'out') {
      lastButtons = message.buttons ?? [];
      items.push({ direction: 'out', text: message.text ?? '', buttons: lastButtons, at: message.at });
    } else {
      const pressed = message.payload ? lastButtons.find((b) => b.payload === message.payload)?.title : undefined;
      items.push({ direction: 'in', text: message.text ?? pressed ?? message.payload ?? '', buttons: [], at: message.at });
    }
  }
  const staff = delivery.outOfTurnReplies(conversationId).map((r): HistoryItem => ({ direction: 'out', text: r.text, buttons: r.buttons, at: r.at, id: r.id }));
  // A stable merge: at equal times the conversation log comes first.
  const merged = [...items.map((item, i) => ({ item, i })), ...staff.map((item, i) => ({ item, i: items.length + i }))];
  merged.sort((a, b) => a.item.at.localeCompare(b.item.at) || a.i - b.i);
  return merged.map(({ item }) => item).slice(-HISTORY_LIMIT);
}

/**
 * The LLM as one turn sees it: the assistant's LLM layer, the turn's single time budget (every call of
 * the turn draws on it, so together they never pass the configured timeout) and the recent turns of the
 * conversation, read from the store once.
 */
import type { LlmLayer, RecentTurn, TurnBudget } from '../llm';
import type { ConversationStore } from '../store';
import { recentTurnsOf } from './recent-turns';

export interface TurnLlm {
  layer: LlmLayer;
  budget: TurnBudget;
  /** The last messages before this turn (see `recentTurnsOf`), loaded on first use. */
  recent(): RecentTurn[];
}

/**
 * The LLM of a turn that starts now, or undefined when the layer is absent or has no model (the turn is
 * then fully deterministic, exactly as without an LLM).
 */
export function turnLlm(layer: LlmLayer | undefined, store: ConversationStore, conversationId: string): TurnLlm | undefined {
  if (!layer?.enabled) return undefined;
  const budget = layer.turnBudget();
  let recent: RecentTurn[] | undefined;
  return { layer, budget, recent: () => (recent ??= recentTurnsOf(store, conversationId)) };
}

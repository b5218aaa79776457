/**
 * The LLM time budget of one turn: every LLM call of the turn (an FAQ answer, a rephrased reply)
 * draws on it, so that together they never pass the configured timeout.
 */

/** How much LLM time the turn has left. */
export interface TurnBudget {
  /** Milliseconds left, never negative. */
  remainingMs(): number;
}

/** A monotonic clock in milliseconds; `performance.now()` by default, a fake one in tests. */
export type Clock = () => number;

export const systemClock: Clock = () => performance.now();

/**
 * A budget of `totalMs` that starts now.
 *
 * @example
 * const budget = createTurnBudget(settings.timeoutMs);
 * await answerFromFaq(text, hits, brand, recent, { ...deps, budget });
 * await rephrase(reply, { ...context }, { ...deps, budget }); // gets what is left
 */
export function createTurnBudget(totalMs: number, clock: Clock = systemClock): TurnBudget {
  const start = clock();
  const total = Number.isFinite(totalMs) && totalMs > 0 ? totalMs : 0;
  return { remainingMs: () => Math.max(0, total - (clock() - start)) };
}

/** A number of ms is a fresh budget; a budget is used as it is. */
export function asBudget(budget: TurnBudget | number, clock: Clock = systemClock): TurnBudget {
  return typeof budget === 'number' ? createTurnBudget(budget, clock) : budget;
}

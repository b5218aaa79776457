/**
 * The LLM layer's shared shapes: chat messages, the recent turns a prompt may show, and the log events
 * it reports through an injected logger.
 */
import type { GuardFlag } from '../guardrails';
import type { ClaimProblem } from './claims';

/** One chat message as OpenAI-compatible servers take it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One earlier message of the conversation, for context. */
export interface RecentTurn {
  role: 'guest' | 'assistant';
  text: string;
}

/** Why a call to the model did not give an answer. */
export type LlmFailureKind =
  /** The model did not answer within its share of the budget. */
  | 'timeout'
  /** HTTP 429: rate limit or quota. */
  | 'rate-limited'
  /** HTTP 5xx. */
  | 'server-error'
  /** Another HTTP error status (401, 404, 400…): the server refused; the fallback model is not tried. */
  | 'refused'
  /** No answer at all: connection refused, DNS. */
  | 'network'
  /** An answer that is not a chat completion with text. */
  | 'invalid-response'
  /** Too little of the turn's budget was left to try. */
  | 'no-budget';

/** What the LLM layer reports; the logger decides where it goes. Never holds the API key or guest text. */
export type LlmLogEvent =
  | { event: 'llm.request'; model: string; attempt: number; timeoutMs: number; purpose?: string }
  | { event: 'llm.response'; model: string; attempt: number; elapsedMs: number; cached: boolean; purpose?: string }
  | { event: 'llm.failure'; model: string; attempt: number; kind: LlmFailureKind; status?: number; elapsedMs: number; message: string; purpose?: string }
  | { event: 'llm.cache-error'; message: string }
  | {
      event: 'llm.faq-answer';
      source: 'llm' | 'extractive' | 'none';
      /** The FAQ entries the answer was grounded in (given to the model, or the extractive entry). */
      grounding: string[];
      reason?: string;
      /** Facts of a rejected answer that no entry or catalog fact supports, e.g. "2 500 ₽". */
      unsupported?: string[];
      /** Sentences of a rejected answer the entries do not support: their number and why, never their words. */
      claims?: ClaimProblem[];
    }
  /** `missing`: how many values the reworded text lost (never the values: they are the guest's name, her time). */
  | { event: 'llm.rephrase'; source: 'llm' | 'template'; key?: string; reason?: string; missing?: number }
  | { event: 'guard.flag'; kind: GuardFlag['kind']; detail: string; purpose?: string };

/** Receives the LLM layer's events, e.g. `(e) => logger.info(e)`. Errors it throws are ignored. */
export type LlmLogger = (event: LlmLogEvent) => void;

/** Calls the logger without letting it break a turn. */
export function emit(log: LlmLogger | undefined, event: LlmLogEvent): void {
  if (!log) return;
  try {
    log(event);
  } catch {
    // A broken logger must not cost the guest an answer.
  }
}

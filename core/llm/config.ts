/**
 * The LLM settings: off (every answer deterministic), or a model, its server and budget, and which
 * responses are rephrased. The app reads them from the environment (`app/llm-settings.ts`).
 */

/** Which responses are rephrased: none, those marked `rephrase: true`, or all. */
export type RephraseMode = 'off' | 'marked' | 'all';

export const DEFAULT_LLM_MODEL = 'gpt-4o-mini';
/** The LLM's share of a turn, in ms: well inside the 10-second promise to guests. */
export const DEFAULT_LLM_TIMEOUT_MS = 6000;
/** The most a turn may give the LLM: the promise to guests is an answer within 10 seconds. */
export const MAX_LLM_TIMEOUT_MS = 9000;
/** Every rephrase mode. */
export const REPHRASE_MODES: readonly RephraseMode[] = ['off', 'marked', 'all'];

/** The LLM settings; `enabled: false` means no LLM at all. */
export type LlmSettings =
  | { enabled: false; rephrase: 'off' }
  | {
      enabled: true;
      /** Never logged nor put in messages. */
      apiKey: string;
      /** Any OpenAI-compatible server; undefined means OpenAI itself. */
      baseURL?: string;
      model: string;
      /** Tried once when the model times out, fails (5xx) or is rate-limited (429); undefined: no second try. */
      fallbackModel?: string;
      /** The LLM budget of one turn, in ms. */
      timeoutMs: number;
      rephrase: RephraseMode;
    };

/**
 * Whether a response is rephrased under a mode: never when off, only marked ones when `marked`.
 *
 * @example shouldRephrase('marked', responses.get('greet').rephrase) // true
 */
export function shouldRephrase(mode: RephraseMode, marked: boolean): boolean {
  return mode === 'all' || (mode === 'marked' && marked === true);
}

/**
 * The chat client: one call to an OpenAI-compatible `/chat/completions` through the `openai` package,
 * inside the turn's budget. On a timeout, a 5xx or a 429 it tries the fallback model once, if budget
 * remains; every other outcome is a typed failure the caller turns into the deterministic answer. It
 * never throws, never retries behind the caller's back, caches answers by prompt hash, and keeps the API
 * key out of everything it reports.
 */
import OpenAI from 'openai';
import { asBudget, systemClock, type Clock, type TurnBudget } from './budget';
import { promptHash, type LlmCache, type PromptParams } from './cache';
import { isRetryable, redactSecret, toLlmFailure, type LlmFailure } from './failure';
import type { LlmSettings } from './config';
import { emit, type ChatMessage, type LlmLogger } from './types';

/** Below this many ms a call is not started: no model answers that fast over HTTP. */
export const MIN_ATTEMPT_MS = 150;
/** The first model's share of the budget when a fallback model exists, so the fallback has time too. */
export const DEFAULT_PRIMARY_SHARE = 0.6;
/** Answers are cut to this many characters: a chat reply is a few sentences. */
const MAX_ANSWER_CHARS = 2000;

export interface LlmClientOptions {
  /** Sent as a bearer token; never logged nor put in a failure. */
  apiKey: string;
  /** An OpenAI-compatible server ending in /v1; default OpenAI. */
  baseURL?: string;
  model: string;
  /** Tried once after a timeout, a 5xx or a 429 of `model`. */
  fallbackModel?: string;
  cache?: LlmCache;
  log?: LlmLogger;
  /** A monotonic clock in ms (tests may fake it). */
  clock?: Clock;
  /** The first model's share of the remaining budget when there is a fallback. Default 0.6. */
  primaryShare?: number;
  /** Default 0.2: answers should read the same each time. */
  temperature?: number;
  /** Default 400. */
  maxTokens?: number;
}

export interface CompleteOptions {
  /** The turn's budget, or a number of ms for this call alone. */
  budget: TurnBudget | number;
  /** What the call is for ("faq", "rephrase"), for logs. */
  purpose?: string;
}

/** The outcome of {@link LlmClient.complete}. */
export type LlmCompletion =
  | { ok: true; text: string; model: string; cached: boolean; elapsedMs: number; failures: LlmFailure[] }
  | { ok: false; failure: LlmFailure; elapsedMs: number; failures: LlmFailure[] };

export interface LlmClient {
  readonly model: string;
  readonly fallbackModel?: string;
  /**
   * Asks the model. Resolves within the budget (plus a few ms of bookkeeping) and never rejects.
   */
  complete(messages: readonly ChatMessage[], options: CompleteOptions): Promise<LlmCompletion>;
}

/**
 * Creates a chat client.
 *
 * @example
 * const llm = createLlmClient({ apiKey, baseURL, model: 'gpt-4o-mini', fallbackModel: 'gpt-4.1-nano', cache: createSqliteLlmCache(db) });
 * const result = await llm.complete([{ role: 'user', content: 'привет' }], { budget: 6000 });
 * if (result.ok) console.log(result.text); else console.log(result.failure.kind);
 */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const { apiKey, model, fallbackModel, cache, log } = options;
  const clock = options.clock ?? systemClock;
  const share = options.primaryShare !== undefined && options.primaryShare > 0 && options.primaryShare <= 1 ? options.primaryShare : DEFAULT_PRIMARY_SHARE;
  const params: PromptParams = { temperature: options.temperature ?? 0.2, maxTokens: options.maxTokens ?? 400 };
  // The package's own timer is a backstop only: our deadline aborts first. No hidden retries.
  const openai = new OpenAI({ apiKey, baseURL: options.baseURL, maxRetries: 0, timeout: 60_000 });
  const models = fallbackModel ? [model, fallbackModel] : [model];

  function cached(messages: readonly ChatMessage[]): { text: string; model: string } | undefined {
    if (!cache) return undefined;
    for (const m of models) {
      try {
        const text = cache.get(promptHash(m, messages, params));
        if (text !== undefined) return { text, model: m };
      } catch (error) {
        emit(log, { event: 'llm.cache-error', message: describe(error) });
        return undefined;
      }
    }
    return undefined;
  }

  function store(m: string, messages: readonly ChatMessage[], text: string): void {
    if (!cache) return;
    try {
      cache.set(promptHash(m, messages, params), m, text);
    } catch (error) {
      emit(log, { event: 'llm.cache-error', message: describe(error) });
    }
  }

  async function attempt(m: string, messages: readonly ChatMessage[], timeoutMs: number): Promise<{ text: string } | { failure: LlmFailure }> {
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
        reject(new Error('deadline'));
      }, timeoutMs);
    });
    try {
      const request = openai.chat.completions.create(
        { model: m, messages: messages.map((msg) => ({ role: msg.role, content: msg.content })), temperature: params.temperature, max_tokens: params.maxTokens },
        { signal: controller.signal, maxRetries: 0 },
      );
      // Whatever the request does after the deadline must not surface as an unhandled rejection.
      request.catch(() => undefined);
      const response = await Promise.race([request, deadline]);
      const text: unknown = response?.choices?.[0]?.message?.content;
      if (typeof text !== 'string' || text.trim() === '') {
        return { failure: { kind: 'invalid-response', model: m, message: 'the answer has no text (choices[0].message.content)' } };
      }
      return { text: text.slice(0, MAX_ANSWER_CHARS) };
    } catch (error) {
      return { failure: toLlmFailure(error, m, apiKey, timedOut) };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    model,
    fallbackModel,
    async complete(messages, completeOptions) {
      const started = clock();
      const elapsed = () => Math.round(clock() - started);
      const purpose = completeOptions.purpose;
      const failures: LlmFailure[] = [];
      try {
        const budget = asBudget(completeOptions.budget, clock);
        const hit = cached(messages);
        if (hit) {
          emit(log, { event: 'llm.response', model: hit.model, attempt: 0, elapsedMs: elapsed(), cached: true, purpose });
          return { ok: true, text: hit.text, model: hit.model, cached: true, elapsedMs: elapsed(), failures };
        }
        for (let i = 0; i < models.length; i++) {
          const remaining = budget.remainingMs();
          if (remaining < MIN_ATTEMPT_MS) {
            failures.push({ kind: 'no-budget', model: models[i], message: `only ${Math.round(remaining)} ms of the turn's LLM budget left` });
            emit(log, { event: 'llm.failure', model: models[i], attempt: i + 1, kind: 'no-budget', elapsedMs: elapsed(), message: failures[failures.length - 1].message, purpose });
            break;
          }
          const timeoutMs = Math.floor(i === 0 && models.length > 1 ? Math.max(MIN_ATTEMPT_MS, remaining * share) : remaining);
          emit(log, { event: 'llm.request', model: models[i], attempt: i + 1, timeoutMs, purpose });
          const outcome = await attempt(models[i], messages, timeoutMs);
          if ('text' in outcome) {
            store(models[i], messages, outcome.text);
            emit(log, { event: 'llm.response', model: models[i], attempt: i + 1, elapsedMs: elapsed(), cached: false, purpose });
            return { ok: true, text: outcome.text, model: models[i], cached: false, elapsedMs: elapsed(), failures };
          }
          const { failure } = outcome;
          failures.push(failure);
          emit(log, { event: 'llm.failure', model: failure.model, attempt: i + 1, kind: failure.kind, status: failure.status, elapsedMs: elapsed(), message: failure.message, purpose });
          if (!isRetryable(failure.kind)) break;
        }
      } catch (error) {
        // Nothing above should throw; if it does, the guest still gets the deterministic answer.
        failures.push({ kind: 'invalid-response', model, message: redactSecret(describe(error), apiKey) });
      }
      return { ok: false, failure: failures[failures.length - 1] ?? { kind: 'no-budget', model, message: 'no call was made' }, elapsedMs: elapsed(), failures };
    },
  };
}

/**
 * The client for the settings, or undefined when the LLM is off (no `OPENAI_API_KEY`).
 *
 * @example
 * const llm = llmClientFromSettings(llmSettingsFromEnv(process.env), { cache: createSqliteLlmCache(db), log });
 */
export function llmClientFromSettings(settings: LlmSettings, deps: Pick<LlmClientOptions, 'cache' | 'log' | 'clock'> = {}): LlmClient | undefined {
  if (!settings.enabled) return undefined;
  const { apiKey, baseURL, model, fallbackModel } = settings;
  return createLlmClient({ apiKey, baseURL, model, fallbackModel, ...deps });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

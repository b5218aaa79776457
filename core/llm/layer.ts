/**
 * The LLM layer bound once for the assistant: settings, client, brand, catalog and FAQ rendering, so
 * that the dialogue engine calls two methods per turn and never wires the parts itself.
 */
import type { Database } from 'better-sqlite3';
import type { Brand, Catalog } from '../../salon';
import type { FaqEntry, FaqHit } from '../faq';
import { answerFromFaq, type FaqAnswerDeps, type FaqLlmAnswer } from './answer-from-faq';
import { createTurnBudget, systemClock, type Clock, type TurnBudget } from './budget';
import { createSqliteLlmCache, type LlmCache } from './cache';
import { llmClientFromSettings, type LlmClient } from './client';
import { shouldRephrase, type LlmSettings, type RephraseMode } from './config';
import { rephrase, type RephraseContext, type Rephrased } from './rephrase';
import type { LlmLogger, RecentTurn } from './types';

export interface LlmLayerOptions {
  settings: LlmSettings;
  brand: Brand;
  catalog: Catalog;
  /** `FaqBase.render`. */
  render: (entry: FaqEntry) => string;
  /** Where answers are cached (table `llm_cache`); or give `cache`. */
  db?: Database;
  cache?: LlmCache;
  log?: LlmLogger;
  clock?: Clock;
  /** A ready client (tests); default: one from `settings`. */
  client?: LlmClient;
  /** Tuning of the FAQ answer (thresholds, number of entries). */
  faq?: Pick<FaqAnswerDeps, 'answerThreshold' | 'contextThreshold' | 'maxEntries'>;
}

/** What the dialogue engine uses. */
export interface LlmLayer {
  /** True when an LLM is configured. */
  readonly enabled: boolean;
  readonly rephraseMode: RephraseMode;
  /** A fresh budget for a turn: every LLM call of the turn draws on it. */
  turnBudget(): TurnBudget;
  /** See `answerFromFaq`. */
  answerFromFaq(question: string, hits: readonly FaqHit[], recentTurns: readonly RecentTurn[], budget?: TurnBudget): Promise<FaqLlmAnswer>;
  /** Whether a response (with its `rephrase:` flag) is rephrased under the settings. */
  shouldRephrase(marked: boolean): boolean;
  /** See `rephrase`. */
  rephrase(text: string, context: Omit<RephraseContext, 'brand'>, budget?: TurnBudget): Promise<Rephrased>;
}

/**
 * Binds the LLM layer. Without `OPENAI_API_KEY` it is still usable: answers are extractive and texts
 * are sent as written.
 *
 * @example
 * const llm = createLlmLayer({ settings: llmSettingsFromEnv(process.env), brand: loadBrand('content/brand.yaml'), catalog, render: faq.render, db, log });
 * // in a turn:
 * const budget = llm.turnBudget();
 * const answer = await llm.answerFromFaq(text, faq.search(text, entities), recent, budget);
 * if (llm.shouldRephrase(responses.get(key).rephrase)) reply = await llm.rephrase(reply.text, { vars, buttons, recentTurns: recent, key }, budget);
 */
export function createLlmLayer(options: LlmLayerOptions): LlmLayer {
  const { settings, brand, catalog, render, log } = options;
  const clock = options.clock ?? systemClock;
  const cache = options.cache ?? (options.db ? createSqliteLlmCache(options.db) : undefined);
  const client = options.client ?? llmClientFromSettings(settings, { cache, log, clock });
  const totalMs = settings.enabled ? settings.timeoutMs : 0;
  const turnBudget = () => createTurnBudget(totalMs, clock);
  return {
    enabled: client !== undefined,
    rephraseMode: settings.rephrase,
    turnBudget,
    answerFromFaq: (question, hits, recentTurns, budget) =>
      answerFromFaq(question, hits, brand, recentTurns, { llm: client, catalog, render, budget: budget ?? turnBudget(), log, ...options.faq }),
    shouldRephrase: (marked) => client !== undefined && shouldRephrase(settings.rephrase, marked),
    rephrase: (text, context, budget) => rephrase(text, { ...context, brand }, { llm: client, budget: budget ?? turnBudget(), log }),
  };
}

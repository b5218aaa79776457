/**
 * The LLM layer: grounded answers from the FAQ and brand-voice rephrasing, each behind a fact guard,
 * within a per-turn time budget, with a fallback model and a cache. Optional by design: without
 * `OPENAI_API_KEY` every answer is deterministic. The guardrails it relies on live in
 * `core/guardrails`.
 */

// Settings and the bound layer (what the dialogue engine uses)
export { shouldRephrase, DEFAULT_LLM_MODEL, DEFAULT_LLM_TIMEOUT_MS, MAX_LLM_TIMEOUT_MS, REPHRASE_MODES, type LlmSettings, type RephraseMode } from './config';
export { createLlmLayer, type LlmLayer, type LlmLayerOptions } from './layer';
export { createTurnBudget, type TurnBudget, type Clock } from './budget';

// Answering and rephrasing
export { answerFromFaq, DEFAULT_CONTEXT_THRESHOLD, DEFAULT_MAX_ENTRIES, type FaqAnswerDeps, type FaqLlmAnswer, type FaqAnswerReason } from './answer-from-faq';
export { rephrase, type RephraseContext, type RephraseDeps, type Rephrased } from './rephrase';

// The model client and its cache
export { createLlmClient, llmClientFromSettings, MIN_ATTEMPT_MS, DEFAULT_PRIMARY_SHARE, type LlmClient, type LlmClientOptions, type LlmCompletion, type CompleteOptions } from './client';
export { createSqliteLlmCache, createMemoryLlmCache, promptHash, LLM_CACHE_TABLE, type LlmCache } from './cache';
export { type LlmFailure, redactSecret } from './failure';

// The guards, on their own
export { extractFacts, type Fact, type FactKind } from './facts';
export { buildGrounding, unsupportedFacts, catalogFactTexts, type Grounding, type GroundingOptions, type RelatedEntities } from './grounding';
export { checkRephrase, type RephraseCheck } from './rephrase-guard';
export { voiceProblems, countSentences, cleanModelText } from './voice';

// Prompts
export { buildFaqPrompt, NO_ANSWER, type PromptEntry } from './faq-prompt';
export { buildRephrasePrompt } from './rephrase-prompt';

// Types
export type { ChatMessage, RecentTurn, LlmLogEvent, LlmLogger, LlmFailureKind } from './types';

/**
 * The LLM settings from the environment. Without `OPENAI_API_KEY` the LLM is off and every answer is
 * deterministic; with it, answers from the FAQ are generated (and checked), and responses may be
 * rephrased when `COCO_LLM_REPHRASE` says so.
 */
import { ConfigError } from '../common';
import { DEFAULT_LLM_MODEL, DEFAULT_LLM_TIMEOUT_MS, MAX_LLM_TIMEOUT_MS, REPHRASE_MODES, type LlmSettings, type RephraseMode } from '../core';

/**
 * Reads the LLM settings:
 * - `OPENAI_API_KEY` — none: the LLM is off (the other variables are then ignored);
 * - `OPENAI_BASE_URL` — an OpenAI-compatible server (vLLM, Ollama, LM Studio…), ending in /v1;
 * - `COCO_LLM_MODEL` (default gpt-4o-mini), `COCO_LLM_FALLBACK_MODEL` (default none);
 * - `COCO_LLM_TIMEOUT_MS` — the LLM budget per turn (default 6000, at most 9000);
 * - `COCO_LLM_REPHRASE` — off (default) | marked | all.
 *
 * @throws {ConfigError} for a timeout that is not a number of milliseconds in range, an unknown
 *   rephrase mode, or a base URL that is not http(s); the message names the variable and a fix.
 * @example
 * llmSettingsFromEnv({ OPENAI_API_KEY: 'sk-…', COCO_LLM_REPHRASE: 'marked' })
 * // { enabled: true, apiKey: 'sk-…', model: 'gpt-4o-mini', timeoutMs: 6000, rephrase: 'marked' }
 */
export function llmSettingsFromEnv(env: NodeJS.ProcessEnv): LlmSettings {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return { enabled: false, rephrase: 'off' };

  const rawTimeout = env.COCO_LLM_TIMEOUT_MS?.trim();
  const timeoutMs = rawTimeout ? Number(rawTimeout) : DEFAULT_LLM_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new ConfigError('COCO_LLM_TIMEOUT_MS', `"${rawTimeout}" is not a positive number of milliseconds`, `e.g. COCO_LLM_TIMEOUT_MS=${DEFAULT_LLM_TIMEOUT_MS}`);
  }
  if (timeoutMs > MAX_LLM_TIMEOUT_MS) {
    throw new ConfigError('COCO_LLM_TIMEOUT_MS', `${timeoutMs} ms would break the promise to answer guests within 10 seconds`, `use at most ${MAX_LLM_TIMEOUT_MS}; the default is ${DEFAULT_LLM_TIMEOUT_MS}`);
  }

  const rephrase = (env.COCO_LLM_REPHRASE?.trim().toLowerCase() || 'off') as RephraseMode;
  if (!REPHRASE_MODES.includes(rephrase)) {
    throw new ConfigError('COCO_LLM_REPHRASE', `unknown mode "${env.COCO_LLM_REPHRASE}"`, 'use off (the default), marked (responses with rephrase: true) or all');
  }

  const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
  if (baseURL !== undefined && !/^https?:\/\/[^\s/]+/i.test(baseURL)) {
    throw new ConfigError('OPENAI_BASE_URL', `"${baseURL}" is not an http(s) URL`, 'e.g. OPENAI_BASE_URL=http://127.0.0.1:11434/v1 for a local server, or unset it for OpenAI');
  }

  const model = env.COCO_LLM_MODEL?.trim() || DEFAULT_LLM_MODEL;
  const fallbackModel = env.COCO_LLM_FALLBACK_MODEL?.trim() || undefined;
  return { enabled: true, apiKey, ...(baseURL ? { baseURL } : {}), model, ...(fallbackModel ? { fallbackModel } : {}), timeoutMs: Math.round(timeoutMs), rephrase };
}

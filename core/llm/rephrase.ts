/**
 * Rephrasing a template reply in the brand voice with the last turns as context (Rasa's Contextual
 * Response Rephraser), behind a guard: the model only returns text, the buttons are sent exactly as
 * they were, and a reworded text that loses or adds a fact or breaks the voice is replaced by the
 * template. Whether a response is rephrased at all is the caller's call (`shouldRephrase`).
 */
import type { Brand } from '../../salon';
import { checkMessage } from '../guardrails';
import type { ResponseButton } from '../responses';
import { asBudget, type TurnBudget } from './budget';
import type { LlmClient } from './client';
import { DEFAULT_LLM_TIMEOUT_MS } from './config';
import { buildRephrasePrompt } from './rephrase-prompt';
import { checkRephrase, factsToKeep, protectedValues } from './rephrase-guard';
import { cleanModelText } from './voice';
import { emit, type LlmLogger, type RecentTurn } from './types';

export interface RephraseContext {
  /** The values the template was rendered with (`Responses.render(key, vars)`). */
  vars?: Record<string, unknown>;
  /** The reply's buttons; returned unchanged whatever happens. */
  buttons?: readonly ResponseButton[];
  /** The last turns, oldest first. Guest turns the guardrails flag are left out of the prompt. */
  recentTurns?: readonly RecentTurn[];
  brand: Brand;
  /** The response key, for logs. */
  key?: string;
  /** No emoji at all (complaints, apologies). Default: when the template has none and apologises. */
  noEmoji?: boolean;
}

export interface RephraseDeps {
  /** Absent: no LLM, the template is returned. */
  llm?: LlmClient;
  /** The turn's LLM budget, or ms for this call. Default {@link DEFAULT_LLM_TIMEOUT_MS}. */
  budget?: TurnBudget | number;
  log?: LlmLogger;
}

/** The reply to send. */
export interface Rephrased {
  text: string;
  /** The buttons as given, in a new array. */
  buttons: ResponseButton[];
  source: 'llm' | 'template';
  /** Why the template was kept: llm-off, empty, llm-failed, unchanged, guard. */
  reason?: 'llm-off' | 'empty' | 'llm-failed' | 'unchanged' | 'guard';
  /** For `guard`: what the reworded text lost. */
  missing?: string[];
  /** For `guard`: what else was wrong. */
  problems?: string[];
  model?: string;
}

/**
 * Rewords a rendered template. Never throws; returns the template when there is no LLM, it fails, or
 * the guard rejects the wording.
 *
 * @param templateText  the rendered response (`responses.render(key, vars, …)`).
 * @example
 * const reply = await rephrase(responses.render('greet', vars), { vars, buttons, recentTurns, brand, key: 'greet' }, { llm, budget, log });
 * send(reply.text, reply.buttons);
 */
export async function rephrase(templateText: string, context: RephraseContext, deps: RephraseDeps = {}): Promise<Rephrased> {
  const buttons = (context.buttons ?? []).map((b) => ({ title: b.title, payload: b.payload }));
  const template = typeof templateText === 'string' ? templateText : '';
  const keep = (reason: NonNullable<Rephrased['reason']>, extra: Partial<Rephrased> = {}): Rephrased => {
    emit(deps.log, { event: 'llm.rephrase', source: 'template', key: context.key, reason, ...(extra.missing ? { missing: extra.missing.length } : {}) });
    return { text: template, buttons, source: 'template', reason, ...extra };
  };
  try {
    if (!deps.llm) return keep('llm-off');
    if (template.trim() === '') return keep('empty');

    const recentTurns = (context.recentTurns ?? []).filter((t) => t.role !== 'guest' || checkMessage(t.text).kind === 'ok');
    const mustKeep = [...new Set([...protectedValues(template, context.vars), ...factsToKeep(template)])];
    const messages = buildRephrasePrompt(template, mustKeep, context.brand, recentTurns);
    const result = await deps.llm.complete(messages, { budget: asBudget(deps.budget ?? DEFAULT_LLM_TIMEOUT_MS), purpose: 'rephrase' });
    if (!result.ok) return keep('llm-failed');

    const text = cleanModelText(result.text);
    if (text === template.trim()) return keep('unchanged');
    const check = checkRephrase(template, text, { vars: context.vars, buttonTitles: buttons.map((b) => b.title), brand: context.brand, noEmoji: context.noEmoji });
    if (check.missing.length > 0 || check.problems.length > 0) return keep('guard', { missing: check.missing, problems: check.problems });

    emit(deps.log, { event: 'llm.rephrase', source: 'llm', key: context.key });
    return { text, buttons, source: 'llm', model: result.model };
  } catch {
    return keep('llm-failed');
  }
}

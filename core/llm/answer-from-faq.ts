/**
 * A free-text question answered from the salon's own FAQ. With an LLM: a prompt with only the retrieved
 * entries and the brand voice, then the fact guard — every number, price, time, date, address and name
 * of the answer must be in those entries or the catalog — the brand voice, and the claim guard —
 * every sentence that states something (a yes/no, a permission, a rule, a condition) must be supported
 * by the entries, its polarity agreeing with the entry that answers it — else the extractive answer
 * (the best entry, as without an LLM). Without one, or when anything fails: the extractive answer
 * when retrieval is confident, else nothing (the caller offers an administrator).
 * Health questions and injection attempts never reach the LLM.
 */
import type { Brand, Catalog } from '../../salon';
import { DEFAULT_ANSWER_THRESHOLD, type FaqEntry, type FaqHit } from '../faq';
import { checkMessage, describeFlag } from '../guardrails';
import { asBudget, type TurnBudget } from './budget';
import type { LlmClient } from './client';
import { DEFAULT_LLM_TIMEOUT_MS } from './config';
import { buildFaqPrompt, isNoAnswer } from './faq-prompt';
import { faqClaimProblems, type ClaimProblem } from './claims';
import { buildGrounding, unsupportedFacts, type RelatedEntities } from './grounding';
import { cleanModelText, voiceProblems } from './voice';
import { emit, type LlmFailureKind, type LlmLogger, type RecentTurn } from './types';

/** Entries scoring at least this are shown to the model (it can tell a near miss from an answer). */
export const DEFAULT_CONTEXT_THRESHOLD = 0.2;
/** At most this many entries are shown to the model. */
export const DEFAULT_MAX_ENTRIES = 3;
/** A longer model answer is not a chat message: the extractive answer is sent instead. */
const MAX_ANSWER_CHARS = 700;

/** Why the answer is not the model's. */
export type FaqAnswerReason =
  /** No LLM configured. */
  | 'llm-off'
  /** A health question: the caller replies with the fixed text and hands over. */
  | 'medical'
  /** Abuse or an injection attempt: answered without the LLM. */
  | 'abuse'
  | 'injection'
  /** The best entry is a handover entry (e.g. `handover: medical`). */
  | 'handover-entry'
  /** No entry scored high enough to show to the model. */
  | 'no-entries'
  /** The model said the entries do not answer the question. */
  | 'refused'
  /** The model failed (timeout, 5xx, 429 after the fallback, …): see `failure`. */
  | 'llm-failed'
  /** The model stated a fact no entry or catalog fact supports: see `unsupported`. */
  | 'unsupported-facts'
  /** A sentence of the model's states what the entries do not (or the opposite): see `claims`. */
  | 'unsupported-claims'
  /** The model broke the brand voice (emoji, «я», too long…): see `problems`. */
  | 'off-voice';

/** The answer to say, where it came from, and what grounded it. */
export interface FaqLlmAnswer {
  /** The text to send; '' when `source` is `none` (the caller says `faq_not_found_offer_human`). */
  text: string;
  source: 'llm' | 'extractive' | 'none';
  /** Ids of the entries behind the answer: those shown to the model, or the extractive entry. */
  grounding: string[];
  reason?: FaqAnswerReason;
  /** Set when an administrator must answer: the handover reason (e.g. "medical"). */
  handover?: string;
  /** The model that answered (for `llm`). */
  model?: string;
  /** For `llm-failed`. */
  failure?: LlmFailureKind;
  /** For `unsupported-facts`: the facts as written, e.g. ["2 500"]. */
  unsupported?: string[];
  /** For `unsupported-claims`: which sentences failed and why (none of their words). */
  claims?: ClaimProblem[];
  /** For `off-voice`. */
  problems?: string[];
}

export interface FaqAnswerDeps {
  /** Absent: no LLM, the extractive answer only. */
  llm?: LlmClient;
  catalog: Catalog;
  /** The rendered answer of an entry: `FaqBase.render`. */
  render: (entry: FaqEntry) => string;
  /** The turn's LLM budget, or ms for this call. Default {@link DEFAULT_LLM_TIMEOUT_MS}. */
  budget?: TurnBudget | number;
  log?: LlmLogger;
  /** The extractive answer needs this score. Default the FAQ's own threshold (0.4). */
  answerThreshold?: number;
  /** Entries scoring at least this are shown to the model. Default {@link DEFAULT_CONTEXT_THRESHOLD}. */
  contextThreshold?: number;
  /** Default {@link DEFAULT_MAX_ENTRIES}. */
  maxEntries?: number;
}

/**
 * Answers a question from the retrieved FAQ entries. Never throws; with no LLM it is synchronous in
 * effect (no I/O).
 *
 * @param question  the guest's message (after the guardrails' length cap).
 * @param hits  `FaqBase.search(question, entities)`, best first.
 * @param recentTurns  the last turns of the conversation, oldest first (a few are shown to the model).
 * @example
 * const answer = await answerFromFaq(text, faq.search(text, entities), brand, recent, { llm, catalog, render: faq.render, budget, log });
 * if (answer.handover) … // fixed reply + handover
 * else if (answer.source === 'none') … // faq_not_found_offer_human
 * else reply(answer.text);
 */
export async function answerFromFaq(
  question: string,
  hits: readonly FaqHit[],
  brand: Brand,
  recentTurns: readonly RecentTurn[],
  deps: FaqAnswerDeps,
): Promise<FaqLlmAnswer> {
  const { llm, log } = deps;
  const ranked = [...(hits ?? [])].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const threshold = deps.answerThreshold ?? DEFAULT_ANSWER_THRESHOLD;

  const finish = (answer: FaqLlmAnswer): FaqLlmAnswer => {
    emit(log, { event: 'llm.faq-answer', source: answer.source, grounding: answer.grounding, reason: answer.reason, ...(answer.unsupported ? { unsupported: answer.unsupported } : {}), ...(answer.claims ? { claims: answer.claims } : {}) });
    return answer;
  };
  const safeRender = (entry: FaqEntry): string => {
    try {
      return deps.render(entry);
    } catch {
      return '';
    }
  };
  /** The answer without the model: the best entry when confident, else none. */
  const deterministic = (reason: FaqAnswerReason, extra: Partial<FaqLlmAnswer> = {}): FaqLlmAnswer => {
    const text = best && best.entry.handover === undefined && best.score >= threshold ? safeRender(best.entry) : '';
    if (text) return finish({ text, source: 'extractive', grounding: [best.entry.id], reason, ...extra });
    return finish({ text: '', source: 'none', grounding: [], reason, ...extra });
  };

  try {
    const verdict = checkMessage(question);
    for (const flag of verdict.flags) emit(log, { event: 'guard.flag', kind: flag.kind, detail: describeFlag(flag), purpose: 'faq' });
    if (verdict.kind === 'medical') return finish({ text: '', source: 'none', grounding: [], reason: 'medical', handover: 'medical' });
    if (best && best.entry.handover !== undefined && best.score >= threshold) {
      return finish({ text: '', source: 'none', grounding: [best.entry.id], reason: 'handover-entry', handover: best.entry.handover });
    }
    if (verdict.kind === 'abuse' || verdict.kind === 'injection') return deterministic(verdict.kind);
    if (!llm) return deterministic('llm-off');

    const context = ranked
      .filter((hit) => hit.entry.handover === undefined && hit.score >= (deps.contextThreshold ?? DEFAULT_CONTEXT_THRESHOLD))
      .slice(0, deps.maxEntries ?? DEFAULT_MAX_ENTRIES)
      .map((hit) => ({ entry: hit.entry, text: deps.render(hit.entry) }))
      .filter((e) => e.text.trim() !== '');
    if (context.length === 0) return deterministic('no-entries');
    const grounding = context.map((e) => e.entry.id);

    const messages = buildFaqPrompt(verdict.text, context.map((e) => ({ id: e.entry.id, text: e.text })), brand, recentTurns);
    const result = await llm.complete(messages, { budget: asBudget(deps.budget ?? DEFAULT_LLM_TIMEOUT_MS), purpose: 'faq' });
    if (!result.ok) return deterministic('llm-failed', { failure: result.failure.kind });

    const text = cleanModelText(result.text);
    if (text === '' || isNoAnswer(text)) return deterministic('refused');
    const related = relatedEntities(context.map((e) => e.entry), context.map((e) => e.text), deps.catalog);
    const unsupported = unsupportedFacts(text, buildGrounding(context.map((e) => e.text), { catalog: deps.catalog, related, knownWords: [brand.name] }));
    if (unsupported.length > 0) return deterministic('unsupported-facts', { unsupported: unsupported.map((f) => f.raw) });
    const problems = voiceProblems(text, brand);
    if (text.length > MAX_ANSWER_CHARS) problems.push(`${text.length} characters`);
    if (problems.length > 0) return deterministic('off-voice', { problems });
    const answeringId = best.entry.handover === undefined && best.score >= threshold ? best.entry.id : undefined;
    const claims = faqClaimProblems(text, verdict.text, context, { catalog: deps.catalog, related, brandName: brand.name, answeringId });
    if (claims.length > 0) return deterministic('unsupported-claims', { claims });
    return finish({ text, source: 'llm', grounding, model: result.model });
  } catch {
    // A bug in the layer must not cost the guest the deterministic answer.
    return deterministic('llm-failed', { failure: 'invalid-response' });
  }
}

/** The catalog entities the entries are about: their tags, and branches and services their text names. */
export function relatedEntities(entries: readonly FaqEntry[], texts: readonly string[], catalog: Catalog): RelatedEntities {
  const joined = texts.join('\n').toLowerCase();
  const services = new Set(entries.flatMap((e) => e.tags.service));
  const branches = new Set(entries.flatMap((e) => e.tags.branch));
  for (const service of catalog.services) if (joined.includes(service.name.toLowerCase().replace(/\s*\([^)]*\)/g, ''))) services.add(service.id);
  for (const branch of catalog.branches) if (joined.includes(branch.name.toLowerCase())) branches.add(branch.id);
  return { services: [...services], branches: [...branches] };
}

/**
 * The claim-support check run on the shipped FAQ as the grounded answer runs it: the entries retrieval
 * shows the model for the question, the confident entry, the catalog. For tests and bench/claims.ts.
 */
import { DEFAULT_ANSWER_THRESHOLD, type FaqEntry } from '../../../../core/faq';
import { DEFAULT_CONTEXT_THRESHOLD, DEFAULT_MAX_ENTRIES } from '../../../../core/llm';
import { relatedEntities } from '../../../../core/llm/answer-from-faq';
import { faqClaimProblems, type ClaimProblem } from '../../../../core/llm/claims';
import { shippedCatalog } from '../../../support/content';
import { shippedFaq } from '../fixtures';

export interface Thresholds {
  minCoverage?: number;
  minAnchor?: number;
}

type Context = { context: Array<{ entry: FaqEntry; text: string }>; answeringId?: string } | undefined;
const contexts = new Map<string, Context>();

/** The retrieved context of a question, or undefined when the model would not be asked (none, or a handover). */
export function contextOf(question: string): Context {
  if (!contexts.has(question)) contexts.set(question, retrieve(question));
  return contexts.get(question);
}

function retrieve(question: string): Context {
  const faq = shippedFaq();
  const ranked = [...faq.search(question)].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || (best.entry.handover !== undefined && best.score >= DEFAULT_ANSWER_THRESHOLD)) return undefined;
  const context = ranked
    .filter((h) => h.entry.handover === undefined && h.score >= DEFAULT_CONTEXT_THRESHOLD)
    .slice(0, DEFAULT_MAX_ENTRIES)
    .map((h) => ({ entry: h.entry, text: faq.render(h.entry) }));
  if (context.length === 0) return undefined;
  const answeringId = best.entry.handover === undefined && best.score >= DEFAULT_ANSWER_THRESHOLD ? best.entry.id : undefined;
  return { context, answeringId };
}

/** The claim problems of `answer` to `question`; undefined when the model would not be asked. */
export function claimProblemsFor(question: string, answer: string, thresholds: Thresholds = {}): ClaimProblem[] | undefined {
  const found = contextOf(question);
  if (!found) return undefined;
  const catalog = shippedCatalog();
  const related = relatedEntities(found.context.map((c) => c.entry), found.context.map((c) => c.text), catalog);
  return faqClaimProblems(answer, question, found.context, { catalog, related, brandName: 'Madam COCO', answeringId: found.answeringId, ...thresholds });
}

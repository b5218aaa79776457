/**
 * The claim-support check as the grounded FAQ answer runs it: the sources are the entries shown to the
 * model (rendered answers and their questions), the vocabulary the catalog's facts about the entities
 * they are about and every catalog name, the known words the brand's name, and the entry answering the
 * question the best retrieved one when retrieval is confident. Pure.
 */
import type { Catalog } from '../../../salon';
import type { FaqEntry } from '../../faq';
import { catalogFactTexts, catalogNames, type RelatedEntities } from '../grounding';
import { unsupportedClaims, type ClaimProblem } from './claim-support';

export interface FaqClaimContext {
  catalog: Catalog;
  related: RelatedEntities;
  brandName: string;
  /** The best entry's id when its score reached the answer threshold. */
  answeringId?: string;
  /** Thresholds, for measuring: see claim-support.ts. */
  minCoverage?: number;
  minAnchor?: number;
}

/**
 * The unsupported sentences of a model's FAQ answer; [] when each is supported.
 *
 * @example faqClaimProblems('С питомцами можно 🌸', 'можно с собакой?', [{ entry: pets, text: 'Простите, с питомцами к нам нельзя.' }], context)
 * // [{ sentence: 0, failure: 'contradicts', axis: 'stance', cue: 'можно', entry: 'pets' }]
 */
export function faqClaimProblems(
  answer: string,
  question: string,
  context: ReadonlyArray<{ entry: FaqEntry; text: string }>,
  ctx: FaqClaimContext,
): ClaimProblem[] {
  return unsupportedClaims(answer, context.map((c) => ({ id: c.entry.id, text: c.text, questions: c.entry.questions })), {
    question,
    answeringId: ctx.answeringId,
    knownWords: [ctx.brandName],
    vocabulary: [...catalogFactTexts(ctx.catalog, ctx.related), ...catalogNames(ctx.catalog)],
    minCoverage: ctx.minCoverage,
    minAnchor: ctx.minAnchor,
  });
}

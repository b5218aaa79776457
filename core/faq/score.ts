/**
 * How retrieval combines its signals into one score, and the confidence threshold of `answer()`.
 *
 *   score = EMBEDDING_WEIGHT · embedding + LEXICAL_WEIGHT · lexical + entity boost
 *
 * - embedding: the best cosine similarity between the query and one of the entry's questions under the
 *   offline sparse embedder (character n-grams, stems, stem bigrams; IDF fitted on all FAQ questions).
 *   It forgives typos, slang and word forms ("маникур", "ноготочки") and paraphrases that share parts.
 * - lexical: BM25 over the stems of the entry's questions and (at half weight) its rendered answer,
 *   divided by the query's best possible BM25 (see `bm25.ts`). It rewards the rare, telling words
 *   ("парковка", "сертификат", "Luxio") and punishes query words no entry knows ("айфон").
 * - entity boost, for each kind (service, branch) the caller's NLU found in the query:
 *   · an entry tagged with one of the mentioned ids gains ENTITY_MATCH_BOOST;
 *   · an entry tagged with that kind, but only with other ids, loses ENTITY_MISMATCH_PENALTY (a question
 *     about lash guarantees should not get the nail one);
 *   · an entry without tags of that kind loses ENTITY_MISMATCH_PENALTY too when another entry of the same
 *     `topic` is tagged with a mentioned id: the specific entry supersedes the general one ("парковка в
 *     Сити" → parking_city, not the list of every branch's parking);
 *   · a handover entry (e.g. medical) counts as tagged with every mentioned service: "можно ли
 *     беременным наращивать ногти" names a service, and must not be pulled towards that service's
 *     price by the boost.
 *   Other entries are unaffected.
 *
 * The weights and the threshold were tuned (a coarse grid: embedding weight 0.40–0.65, boost 0.10–0.20,
 * penalty 0.05–0.15) on the labelled paraphrases and off-topic messages in
 * `test/core/faq/labelled-queries.ts`. Measured with the shipped FAQ (63 entries, 366 questions):
 * top-1 54/60 without entities, 59/60 with the NLU's entities; held-out paraphrases 28/31 and 27/31;
 * no off-topic message answered; medical questions reach a handover entry. Lexical evidence proved a
 * little more reliable than the embedding (0.55 vs 0.45). The threshold 0.4 lies between the best
 * off-topic score (≈0.39, "сколько стоит машина" → the price list) and the weakest correct labelled
 * answer (≈0.42); below it the caller falls back, which is safer than a wrong answer.
 */

export const EMBEDDING_WEIGHT = 0.45;
export const LEXICAL_WEIGHT = 0.55;
export const ENTITY_MATCH_BOOST = 0.15;
export const ENTITY_MISMATCH_PENALTY = 0.1;

/** `answer()` answers only when the best entry scores at least this. */
export const DEFAULT_ANSWER_THRESHOLD = 0.4;

/** The weights of retrieval; every field defaults to the constant of the same name above. */
export interface FaqScoring {
  embeddingWeight: number;
  lexicalWeight: number;
  entityMatchBoost: number;
  entityMismatchPenalty: number;
  answerThreshold: number;
}

export const DEFAULT_SCORING: Readonly<FaqScoring> = {
  embeddingWeight: EMBEDDING_WEIGHT,
  lexicalWeight: LEXICAL_WEIGHT,
  entityMatchBoost: ENTITY_MATCH_BOOST,
  entityMismatchPenalty: ENTITY_MISMATCH_PENALTY,
  answerThreshold: DEFAULT_ANSWER_THRESHOLD,
};

/** The tags the entity boost reads. */
export interface BoostTags {
  service: readonly string[];
  branch: readonly string[];
  topic?: string;
  /** Set for handover entries, which match every mentioned service. */
  handover?: string;
}

/** The ids the NLU found in the query. */
export interface Mentioned {
  services?: readonly string[];
  branches?: readonly string[];
}

type Weights = Pick<FaqScoring, 'entityMatchBoost' | 'entityMismatchPenalty'>;

/**
 * Prepares the entity boost of one query over all entries: returns the boost (positive) or penalty
 * (negative) of the entry at each index.
 *
 * @example
 * entityBoosts([{ service: ['lash_extension'], branch: [] }, { service: [], branch: [], topic: 'x' }], { services: ['nail_extension'] })
 * // [-0.1, 0]
 */
export function entityBoosts(entries: readonly BoostTags[], mentioned: Mentioned, weights: Weights = DEFAULT_SCORING): number[] {
  const kinds = [
    { tagsOf: (t: BoostTags) => t.service, ids: mentioned.services ?? [], handoverMatches: true },
    { tagsOf: (t: BoostTags) => t.branch, ids: mentioned.branches ?? [], handoverMatches: false },
  ].filter((kind) => kind.ids.length > 0);
  const boosts = entries.map(() => 0);
  for (const { tagsOf, ids, handoverMatches } of kinds) {
    const matches = entries.map((tags) => (handoverMatches && tags.handover !== undefined) || tagsOf(tags).some((id) => ids.includes(id)));
    const covered = new Set(entries.filter((tags, e) => matches[e] && tags.topic).map((tags) => tags.topic));
    entries.forEach((tags, e) => {
      if (matches[e]) boosts[e] += weights.entityMatchBoost;
      else if (tagsOf(tags).length > 0 || (tags.topic && covered.has(tags.topic))) boosts[e] -= weights.entityMismatchPenalty;
    });
  }
  return boosts;
}

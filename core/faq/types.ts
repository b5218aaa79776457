/**
 * The FAQ's data types: an entry as staff write it in `content/faq/*.yaml` (tags normalised to lists),
 * and what retrieval returns.
 */

/** What an entry is about; the NLU's service and branch entities rank tagged entries higher. */
export interface FaqTags {
  /** Catalog service ids. */
  service: string[];
  /** Catalog branch ids. */
  branch: string[];
  /** A free word for grouping, e.g. "price", "hours". */
  topic?: string;
}

export interface FaqEntry {
  /** Unique across all FAQ files, e.g. `price_manicure_gel`. */
  id: string;
  /** How guests ask, as they write in messengers. */
  questions: string[];
  /**
   * The answer with `{kind:id}` references to the catalog, e.g. `{price:manicure_gel}`. Absent exactly
   * when `handover` is set.
   */
  answer?: string;
  /**
   * Set instead of `answer` for questions the assistant must not answer itself (e.g. `medical`): a
   * match means "pass this to an administrator". Such entries exist so that these questions find them
   * rather than a similar-sounding answer ("можно ли беременным маникюр" is not a price question).
   */
  handover?: string;
  tags: FaqTags;
  /** Where the entry is written, for messages. */
  source: { file: string; line?: number };
}

/** NLU entities of the query, as catalog ids. */
export interface FaqEntities {
  services?: readonly string[];
  branches?: readonly string[];
}

export interface FaqSearchOptions extends FaqEntities {
  /** How many entries to return, best first. Default 5. */
  limit?: number;
}

export interface FaqAnswerOptions extends FaqEntities {
  /** The least score that counts as confident. Default {@link DEFAULT_ANSWER_THRESHOLD}. */
  threshold?: number;
}

/** How one entry scored for a query. */
export interface FaqHit {
  entry: FaqEntry;
  /** The combined score (higher is better); see `core/faq/score.ts`. */
  score: number;
  /** The parts of the score, for tuning and logs. */
  parts: {
    /** Best cosine similarity of the query to one of the entry's questions, 0..1. */
    embedding: number;
    /** BM25 over stems, divided by the query's best possible BM25, 0..1. */
    lexical: number;
    /** The entity boost (positive) or mismatch penalty (negative). */
    entities: number;
  };
}

/** A confident match of a handover entry: an administrator should answer. */
export interface FaqHandover {
  entry: FaqEntry;
  score: number;
  /** The entry's `handover`, e.g. "medical". */
  reason: string;
}

/** A confident answer. */
export interface FaqAnswer {
  entry: FaqEntry;
  score: number;
  /** The answer with its references filled in from the catalog. */
  text: string;
}

/**
 * The FAQ knowledge base and its retrieval without an LLM: hybrid scoring of the sparse embedder's
 * similarity and BM25 plus the NLU's entities (weights and threshold in `score.ts`), deterministic and
 * synchronous.
 */
import type { Catalog } from '../../salon';
import { createSparseEmbedder, normaliseForClassifier } from '../../nlu';
import { createBm25Index } from './bm25';
import { renderFaqAnswer } from './render';
import { DEFAULT_SCORING, entityBoosts, type FaqScoring } from './score';
import { lexicalTerms } from './terms';
import { createVectorIndex } from './vector-index';
import type { FaqAnswer, FaqAnswerOptions, FaqEntry, FaqHandover, FaqHit, FaqSearchOptions } from './types';

const DEFAULT_LIMIT = 5;

export interface FaqBase {
  /** Every entry, in file-name order then file order. */
  readonly entries: readonly FaqEntry[];
  /** The entry with this id. */
  get(id: string): FaqEntry | undefined;
  /**
   * The entries best matching a guest's message, best first (ties in file order), handover entries
   * included. Never throws: an empty or odd message gives low scores.
   */
  search(text: string, options?: FaqSearchOptions): FaqHit[];
  /**
   * The best entry with its rendered answer when its score reaches the threshold, else undefined (also
   * when the best entry is a handover entry: see `handover`).
   */
  answer(text: string, options?: FaqAnswerOptions): FaqAnswer | undefined;
  /** The best entry when it is a handover entry (e.g. a medical question) and reaches the threshold. */
  handover(text: string, options?: FaqAnswerOptions): FaqHandover | undefined;
  /** The rendered answer of an entry (rendered once, when the base is built); '' for a handover entry. */
  render(entry: FaqEntry): string;
}

/**
 * Builds the retrieval index over checked entries (see `loadFaq`). The embedder is fitted on all
 * questions and each question is embedded once here, into an inverted index, so a query costs one
 * embedding, one pass over the postings of its buckets and a BM25 lookup.
 *
 * @param scoring  overrides of the weights and threshold in `score.ts` (for experiments).
 * @throws {ContentError} when an entry's answer does not render (entries from `loadFaq` always do).
 * @example
 * const faq = createFaqBase(readFaqEntries('content/faq', catalog), catalog);
 * faq.search('где припарковаться в сити', { branches: ['city'] })[0].entry.id // "parking_city"
 */
export function createFaqBase(entries: readonly FaqEntry[], catalog: Catalog, scoring: Partial<FaqScoring> = {}): FaqBase {
  const weights: FaqScoring = { ...DEFAULT_SCORING, ...scoring };
  const rendered = entries.map((entry) => (entry.answer === undefined ? '' : renderFaqAnswer({ ...entry, answer: entry.answer }, catalog)));
  const questionTexts = entries.map((entry) => entry.questions.map((q) => normaliseForClassifier(q)));
  const answerTexts = rendered.map((text) => normaliseForClassifier(text));

  // Words the FAQ uses steer the normaliser's layout and transliteration choices for queries.
  const vocabulary = new Set<string>();
  for (const text of [...questionTexts.flat(), ...answerTexts]) for (const word of text.split(' ')) if (word) vocabulary.add(word);

  const embedder = createSparseEmbedder();
  embedder.fit(questionTexts.flat());
  const questionIndex = createVectorIndex(questionTexts.flat().map((t) => embedder.embedSync(t)));
  /** The entry of each question, in the order of `questionIndex`. */
  const questionEntry = Int32Array.from(questionTexts.flatMap((texts, e) => texts.map(() => e)));

  const bm25 = createBm25Index(entries.map((_, e) => ({
    primary: questionTexts[e].flatMap(lexicalTerms),
    secondary: lexicalTerms(answerTexts[e]),
  })));

  const tags = entries.map((entry) => ({ ...entry.tags, handover: entry.handover }));
  const byId = new Map(entries.map((entry, e) => [entry.id, e]));

  function search(text: string, options: FaqSearchOptions = {}): FaqHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (entries.length === 0 || !(limit > 0)) return [];
    const query = normaliseForClassifier(typeof text === 'string' ? text : '', vocabulary);
    const similarities = questionIndex.dots(embedder.embedSync(query));
    const embeddings = new Float64Array(entries.length);
    for (let q = 0; q < similarities.length; q++) embeddings[questionEntry[q]] = Math.max(embeddings[questionEntry[q]], similarities[q]);
    const lexical = bm25.score(lexicalTerms(query));
    const boosts = entityBoosts(tags, options, weights);
    const hits = entries.map((entry, e) => {
      const embedding = embeddings[e];
      const score = weights.embeddingWeight * embedding + weights.lexicalWeight * lexical[e] + boosts[e];
      return { entry, score, parts: { embedding, lexical: lexical[e], entities: boosts[e] }, order: e };
    });
    hits.sort((a, b) => b.score - a.score || a.order - b.order);
    return hits.slice(0, limit).map(({ entry, score, parts }) => ({ entry, score, parts }));
  }

  /**
   * The last query's best hit: a turn asks `handover` and then `answer` about the same message, and the
   * search is pure, so the second costs nothing.
   */
  let lastQuery: { text: string; services: string[]; branches: string[]; best: FaqHit | undefined } | undefined;

  function best(text: string, options: FaqAnswerOptions): FaqHit | undefined {
    const services = [...(options.services ?? [])];
    const branches = [...(options.branches ?? [])];
    if (lastQuery && lastQuery.text === text && sameIds(lastQuery.services, services) && sameIds(lastQuery.branches, branches)) return lastQuery.best;
    const [hit] = search(text, { services, branches, limit: 1 });
    lastQuery = { text, services, branches, best: hit };
    return hit;
  }

  /** The best hit when it reaches the threshold. */
  function confident(text: string, options: FaqAnswerOptions): FaqHit | undefined {
    const hit = best(text, options);
    return hit && hit.score >= (options.threshold ?? weights.answerThreshold) ? hit : undefined;
  }

  return {
    entries,
    get: (id) => {
      const e = byId.get(id);
      return e === undefined ? undefined : entries[e];
    },
    search,
    answer(text, options = {}) {
      const best = confident(text, options);
      if (!best || best.entry.handover !== undefined) return undefined;
      return { entry: best.entry, score: best.score, text: rendered[byId.get(best.entry.id)!] };
    },
    handover(text, options = {}) {
      const best = confident(text, options);
      if (!best || best.entry.handover === undefined) return undefined;
      return { entry: best.entry, score: best.score, reason: best.entry.handover };
    },
    render: (entry) => {
      const e = byId.get(entry.id);
      if (e !== undefined && entries[e] === entry) return rendered[e];
      return entry.answer === undefined ? '' : renderFaqAnswer({ ...entry, answer: entry.answer }, catalog);
    },
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

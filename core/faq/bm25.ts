/**
 * Okapi BM25 over entries: each entry is one document made of its questions' terms and, at a lower
 * weight, its rendered answer's terms. Scores are divided by the query's best possible score, so they
 * fall in 0..1 and are comparable between queries.
 */

/** BM25's term-frequency saturation (Robertson's usual 1.2). */
export const BM25_K1 = 1.2;
/** BM25's length normalisation (the usual 0.75). */
export const BM25_B = 0.75;
/** How much an answer's word counts against a question's word. */
export const ANSWER_TERM_WEIGHT = 0.5;

export interface Bm25Document {
  /** Terms of the questions (each occurrence counts once). */
  primary: readonly string[];
  /** Terms of the answer (each occurrence counts `ANSWER_TERM_WEIGHT`). */
  secondary: readonly string[];
}

/** A BM25 index: `score(terms)` gives each document's normalised score, in document order. */
export interface Bm25Index {
  score(queryTerms: readonly string[]): Float64Array;
}

/**
 * Builds a BM25 index over the documents.
 *
 * The normalised score of a document is Σ idf(t)·tf(t)·(k1+1)/(tf(t)+k1·(1−b+b·len/avgLen)) over the
 * query's distinct terms, divided by Σ idf(t)·(k1+1) — what a document saturated with every query term
 * would get. A query word no entry uses gets the largest idf, so unknown words ("айфон") lower the
 * score instead of being ignored. idf(t) = ln(1 + (N − n + 0.5)/(n + 0.5)) (never negative).
 *
 * @example
 * const index = createBm25Index([{ primary: ['цен', 'маникюр'], secondary: [] }, { primary: ['парковк'], secondary: [] }]);
 * index.score(['маникюр']) // Float64Array [0.4, 0]
 */
export function createBm25Index(documents: readonly Bm25Document[]): Bm25Index {
  const n = documents.length;
  const postings = new Map<string, Array<{ doc: number; tf: number }>>();
  const lengths = new Float64Array(n);
  documents.forEach((document, doc) => {
    const tf = new Map<string, number>();
    for (const term of document.primary) tf.set(term, (tf.get(term) ?? 0) + 1);
    for (const term of document.secondary) tf.set(term, (tf.get(term) ?? 0) + ANSWER_TERM_WEIGHT);
    lengths[doc] = document.primary.length + ANSWER_TERM_WEIGHT * document.secondary.length;
    for (const [term, count] of tf) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ doc, tf: count });
    }
  });
  const averageLength = n > 0 ? lengths.reduce((a, b) => a + b, 0) / n || 1 : 1;
  const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const norms = Float64Array.from(lengths, (length) => BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));

  return {
    score(queryTerms) {
      const scores = new Float64Array(n);
      let best = 0;
      for (const term of new Set(queryTerms)) {
        const list = postings.get(term);
        const weight = idf(list?.length ?? 0);
        best += weight * (BM25_K1 + 1);
        if (!list) continue;
        for (const { doc, tf } of list) scores[doc] += (weight * tf * (BM25_K1 + 1)) / (tf + norms[doc]);
      }
      if (best > 0) for (let d = 0; d < n; d++) scores[d] /= best;
      return scores;
    },
  };
}

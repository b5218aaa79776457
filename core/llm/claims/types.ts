/**
 * The shapes of the claim-support check: the sources it reads, its options, and its verdict — which
 * sentence failed and why, never the sentence's words (they may echo the guest's).
 */
import type { PolarityAxis, PolarityClaim } from './polarity';

/** One retrieved entry: its rendered answer and how guests ask it. */
export interface ClaimSource {
  id: string;
  text: string;
  questions?: readonly string[];
}

export interface ClaimCheckOptions {
  /** The guest's message: its words are the guest's, not claims of the answer. */
  question?: string;
  /** The entry retrieval is confident answers the question (its score reached the answer threshold). */
  answeringId?: string;
  /** Words that state nothing, e.g. the brand's name. */
  knownWords?: readonly string[];
  /** More texts the answer may draw words from (catalog facts and names); they answer no sentence. */
  vocabulary?: readonly string[];
  /** Default DEFAULT_MIN_COVERAGE (claim-support.ts). */
  minCoverage?: number;
  /** Default DEFAULT_MIN_ANCHOR (claim-support.ts). */
  minAnchor?: number;
}

/** Why a sentence is unsupported. */
export type ClaimFailure =
  /** Too few of its content words occur in the sources (`coverage`). */
  | 'unsupported-words'
  /** It states a polarity and no entry holds enough of its words to answer it. */
  | 'no-answering-entry'
  /** Its polarity is the opposite of the entry's on that axis. */
  | 'contradicts'
  /** It states a polarity («нет», «бесплатно», «нужна», «только») the entry does not. */
  | 'unsupported-polarity'
  /** The entry states it only under a condition and the sentence has none. */
  | 'drops-condition';

/** One unsupported sentence: its number (0-based), why, and what decided it. Holds none of its words. */
export interface ClaimProblem {
  sentence: number;
  failure: ClaimFailure;
  axis?: PolarityAxis;
  /** The polarity cue, from the fixed cue lists («можно», «бесплатно», «не делаем»…). */
  cue?: string;
  /** The entry that answers the sentence. */
  entry?: string;
  /** The share of its content words found in the sources, rounded to 0.01. */
  coverage?: number;
}

/** What the check read in one sentence (for measuring and tests). */
export interface SentenceVerdict {
  sentence: number;
  polarity: PolarityClaim[];
  /** Content stems beyond the guest's words, and those the sources do not hold. */
  content: string[];
  unsupported: string[];
  coverage: number;
  entry?: string;
  anchor?: number;
  problems: ClaimProblem[];
}

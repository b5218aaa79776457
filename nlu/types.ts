/**
 * Shared NLU types. This module imports nothing else of the project: every part of `nlu/` and the
 * engine depend on it, never the other way round.
 */

/** A time window of a guest's preference, both ends as ISO strings with the `+03:00` offset. */
export interface TimeWindow {
  from: string;
  to: string;
}

/** The value of a `when` entity: the windows, and the words that produced them. */
export interface WhenValue {
  windows: TimeWindow[];
  /** The phrase(s) of the message that gave these windows, e.g. "в пт после 6". */
  source: string;
  /** True for "как можно скорее" / "поскорее": the nearest free slot is wanted. */
  asap?: boolean;
  /** True when the words name a time of day but no day («в 19:30», «лучше вечером»): any day of the horizon. */
  timeOnly?: boolean;
  /** No windows because the time named is gone by (`past`) or beyond the horizon (`beyond_horizon`). */
  outside?: 'past' | 'beyond_horizon';
}

/** Entity names the NLU produces. Flows and QA rely on these names. */
export type EntityName = 'service' | 'branch' | 'master' | 'when' | 'past_when' | 'guest_name' | 'phone';

/** One extracted entity. `start`/`end` are offsets into the original text (end exclusive). */
export interface Entity {
  entity: EntityName | string;
  /** Canonical value: a catalog id, an E.164 phone, a nominative name, or a `WhenValue`. */
  value: unknown;
  start: number;
  end: number;
  /** The original text between `start` and `end`. */
  text: string;
  /** Which extractor produced it (e.g. "catalog", "datetime", "phone", "name", "regex"). */
  extractor?: string;
  /** 0..1, where the extractor can tell (fuzzy matches score below 1). */
  confidence?: number;
}

/** An intent with its confidence (0..1). */
export interface IntentScore {
  name: string;
  confidence: number;
}

/** What `parse()` returns for one message. */
export interface ParseResult {
  text: string;
  intent: IntentScore;
  ranking: IntentScore[];
  entities: Entity[];
}

/** Turns texts into vectors. Implementations: the offline sparse featuriser and OpenAI-compatible embeddings. */
export interface Embedder {
  /** A stable id of the embedder and its settings; part of the training cache key. */
  readonly id: string;
  /** Embeds many texts at once (the training set). Vectors are L2-normalised. */
  embedBatch(texts: string[]): Promise<Vector[]>;
  /** Embeds one text. Synchronous embedders also implement `embedSync` for the hot path. */
  embed(text: string): Promise<Vector>;
  embedSync?(text: string): Vector;
}

/** A sparse vector (sorted indices with values) or a dense one. */
export type Vector = SparseVector | Float32Array;

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** A clock; logic never reads the system time. */
export type Clock = () => Date;

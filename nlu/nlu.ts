import type { Catalog } from '../salon';
import { IntentClassifier, type IntentClassifierOptions } from './classify';
import type { TrainingData } from './data';
import { createSparseEmbedder, sparseEmbedderFromJSON, type SparseEmbedder, type SparseEmbedderOptions } from './embed';
import { EmbedderOutage, type OutageLog } from './embedder-outage';
import { createEntityExtractor, type EntityExtractor } from './entities';
import { afterGreeting, fixKeyboardLayout, normaliseForClassifier } from './normalise';
import { trainingCacheKey, type TrainingCache } from './training-cache';
import type { Embedder, Entity, IntentScore, ParseResult, Vector } from './types';

/** The intent of a greeting, which a longer message may open with. */
const GREETING_INTENT = 'greet';
/** What the words after a greeting may be read as without outweighing it: another greeting, small talk, a bare value. */
const PAST_GREETING_IGNORED = new Set([GREETING_INTENT, 'out_of_scope', 'inform']);

/** The intent given to a message the classifier is not sure about. */
export const FALLBACK_INTENT = 'nlu_fallback';

/** Bump when training or features change in a way that invalidates cached models. */
const MODEL_VERSION = 'nlu-v1';

export interface NluOptions {
  /** Below this top confidence the intent becomes `nlu_fallback`. Default 0.5. */
  fallbackThreshold?: number;
  /** Defaults to the offline sparse featuriser. */
  embedder?: Embedder;
  /** Settings of the default sparse featuriser (ignored with a custom embedder). */
  sparse?: SparseEmbedderOptions;
  cache?: TrainingCache;
  classifier?: IntentClassifierOptions;
  /** Where an outage of a remote embedder is told (once per outage). Default: nowhere. */
  log?: OutageLog;
}

export interface ParseOptions {
  /** The moment the message was written; `when` entities are relative to it. */
  now: Date;
}

interface CachedModel {
  embedder?: unknown;
  classifier: ReturnType<IntentClassifier['toJSON']>;
  /** The offline model kept besides a remote embedder's. */
  offline?: { embedder: unknown; classifier: ReturnType<IntentClassifier['toJSON']> };
}

/** The offline featuriser and a classifier trained on it: what answers when a remote embedder cannot. */
interface OfflineModel {
  embedder: SparseEmbedder;
  classifier: IntentClassifier;
}

/**
 * The Russian NLU: normalisation, embedding, intent classification with a confidence fallback, and
 * entity extraction. Trained from the content's training data and catalog; cached by their hash. With a
 * remote (asynchronous) embedder it also trains the offline one, which ranks a message the remote
 * embedder fails to embed in time.
 *
 * @example
 * const nlu = await Nlu.train({ training, catalog }, { cache });
 * nlu.parseSync('запишите плз на ноготочки в пт после 6', { now });
 * // → { intent: { name: 'booking', confidence: 0.93 }, entities: [service manicure_gel, when Fri 18:00–22:00] }
 */
export class Nlu {
  readonly fallbackThreshold: number;
  private readonly vocabulary: ReadonlySet<string>;
  private readonly outage: EmbedderOutage;

  private constructor(
    private readonly embedder: Embedder,
    private readonly classifier: IntentClassifier,
    private readonly extractEntities: EntityExtractor,
    vocabulary: ReadonlySet<string>,
    fallbackThreshold: number,
    /** True when the model came from the training cache. */
    readonly fromCache: boolean,
    private readonly offline?: OfflineModel,
    log?: OutageLog,
  ) {
    this.vocabulary = vocabulary;
    this.fallbackThreshold = fallbackThreshold;
    this.outage = new EmbedderOutage(embedder.id, log);
  }

  /** Trains (or restores from the cache) an NLU for the given content. */
  static async train(content: { training: TrainingData; catalog: Catalog }, options: NluOptions = {}): Promise<Nlu> {
    const { training, catalog } = content;
    if (training.examples.length === 0) throw new Error('the training data has no intent examples: add some to content/intents.yaml');
    const vocabulary = vocabularyOf(training, catalog);
    const normalise = (text: string) => normaliseForClassifier(text, vocabulary);
    const texts = training.examples.map((e) => normalise(e.text));
    const intents = training.examples.map((e) => e.intent);
    const extractor = createEntityExtractor(catalog, training);
    const threshold = options.fallbackThreshold ?? 0.5;

    const custom = options.embedder;
    const key = trainingCacheKey([
      MODEL_VERSION,
      custom?.id ?? createSparseEmbedder(options.sparse).id,
      JSON.stringify(options.classifier ?? {}),
      JSON.stringify(texts),
      JSON.stringify(intents),
    ]);
    // A remote embedder may fail or hang while a guest waits: the offline model answers then.
    const remote = custom !== undefined && !custom.embedSync;
    const cached = options.cache?.get(key) as CachedModel | undefined;
    if (cached && (!remote || cached.offline)) {
      try {
        const embedder = custom ?? sparseEmbedderFromJSON(cached.embedder);
        const offline = remote && cached.offline
          ? { embedder: sparseEmbedderFromJSON(cached.offline.embedder), classifier: IntentClassifier.fromJSON(cached.offline.classifier) }
          : undefined;
        return new Nlu(embedder, IntentClassifier.fromJSON(cached.classifier), extractor, vocabulary, threshold, true, offline, options.log);
      } catch {
        // A cache written by another version: train again below.
      }
    }

    let embedder: Embedder;
    if (custom) {
      embedder = custom;
    } else {
      const sparse: SparseEmbedder = createSparseEmbedder(options.sparse);
      sparse.fit(texts);
      embedder = sparse;
    }
    const classifier = IntentClassifier.trainOnVectors(await embedder.embedBatch(texts), intents, options.classifier);
    const offline = remote ? trainOffline(texts, intents, options) : undefined;
    options.cache?.set(key, {
      embedder: custom ? undefined : (embedder as SparseEmbedder).toJSON(),
      classifier: classifier.toJSON(),
      ...(offline && { offline: { embedder: offline.embedder.toJSON(), classifier: offline.classifier.toJSON() } }),
    } satisfies CachedModel);
    return new Nlu(embedder, classifier, extractor, vocabulary, threshold, false, offline, options.log);
  }

  /** The intents the classifier knows. */
  get intents(): string[] {
    return this.classifier.intents;
  }

  /** Parses a message. Works with any embedder (dense ones answer asynchronously). */
  async parse(text: string, options: ParseOptions): Promise<ParseResult> {
    const safe = typeof text === 'string' ? text : '';
    return this.result(safe, await this.rank(safe), options.now);
  }

  /**
   * The intent ranking alone, with any embedder. A message a remote embedder fails to embed (an error,
   * its timeout) is ranked by the offline model; the outage is logged once, until a message embeds again.
   */
  async rank(text: string): Promise<IntentScore[]> {
    if (this.embedder.embedSync) return this.rankSync(text);
    const normalised = normaliseForClassifier(typeof text === 'string' ? text : '', this.vocabulary);
    if (!normalised) return [];
    const ranking = await this.rankNormalised(normalised);
    const rest = ranking[0]?.name === GREETING_INTENT ? afterGreeting(normalised) : null;
    return rest ? this.pastGreeting(ranking, await this.rankNormalised(rest)) : ranking;
  }

  private async rankNormalised(normalised: string): Promise<IntentScore[]> {
    let vector: Vector;
    try {
      vector = await this.embedder.embed(normalised);
    } catch (error) {
      if (!this.offline) throw error;
      this.outage.failed(error);
      return this.offline.classifier.rank(this.offline.embedder.embedSync(normalised));
    }
    this.outage.succeeded();
    return this.classifier.rank(vector);
  }

  /** Parses a message synchronously; needs an embedder with `embedSync` (the default one has it). */
  parseSync(text: string, options: ParseOptions): ParseResult {
    const safe = typeof text === 'string' ? text : '';
    return this.result(safe, this.rankSync(safe), options.now);
  }

  /** The intent ranking alone, without entities: what the benchmark times. */
  rankSync(text: string): IntentScore[] {
    if (!this.embedder.embedSync) throw new Error(`the embedder ${this.embedder.id} is asynchronous: use parse() instead of parseSync()`);
    const normalised = normaliseForClassifier(typeof text === 'string' ? text : '', this.vocabulary);
    if (!normalised) return [];
    const rankOf = (t: string) => this.classifier.rank(this.embedder.embedSync!(t));
    const ranking = rankOf(normalised);
    const rest = ranking[0]?.name === GREETING_INTENT ? afterGreeting(normalised) : null;
    return rest ? this.pastGreeting(ranking, rankOf(rest)) : ranking;
  }

  /**
   * A greeting that opens a longer message does not decide what it asks: the words after it do, when the
   * classifier reads them confidently as a request or a question («здравствуйте, хочу пожаловаться на ваш салон»).
   */
  private pastGreeting(whole: IntentScore[], rest: IntentScore[]): IntentScore[] {
    const top = rest[0];
    return top && !PAST_GREETING_IGNORED.has(top.name) && top.confidence >= this.fallbackThreshold ? rest : whole;
  }

  /** The entities of a message at a moment; Russian typed in the Latin layout is read as Russian. */
  entities(text: string, now: Date): Entity[] {
    try {
      const readable = fixKeyboardLayout(text, this.vocabulary);
      const found = this.extractEntities(readable, now);
      // Offsets are the same in both texts; an entity's `text` is what the guest typed.
      return readable === text ? found : found.map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
    } catch {
      // An extractor must never take a guest's message down with it; no entities is a safe answer.
      return [];
    }
  }

  private result(text: string, ranking: IntentScore[], now: Date): ParseResult {
    const rounded = ranking.map((r) => ({ name: r.name, confidence: Math.round(r.confidence * 10000) / 10000 }));
    const top = rounded[0];
    const intent = top && top.confidence >= this.fallbackThreshold ? top : { name: FALLBACK_INTENT, confidence: top?.confidence ?? 0 };
    return { text, intent, ranking: rounded, entities: this.entities(text, now) };
  }
}

/** The offline featuriser fitted on the training texts, and a classifier on its vectors. */
function trainOffline(texts: string[], intents: string[], options: NluOptions): OfflineModel {
  const embedder = createSparseEmbedder(options.sparse);
  embedder.fit(texts);
  return { embedder, classifier: IntentClassifier.trainOnVectors(texts.map((t) => embedder.embedSync(t)), intents, options.classifier) };
}

/** Words the normaliser may convert wrong-layout or transliterated tokens into. */
function vocabularyOf(training: TrainingData, catalog: Catalog): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.toLowerCase().replace(/ё/g, 'е').split(/[^a-zа-я0-9]+/u)) if (word.length > 1) words.add(word);
  };
  training.examples.forEach((e) => add(e.text));
  training.synonyms.forEach((s) => s.texts.forEach(add));
  training.lookups.forEach((l) => l.elements.forEach(add));
  for (const item of [...catalog.services, ...catalog.branches, ...catalog.masters, ...catalog.categories]) {
    add(item.name);
    item.synonyms.forEach(add);
  }
  for (const service of catalog.services) service.shared_synonyms.forEach(add);
  return words;
}

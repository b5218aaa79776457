/**
 * Dense embeddings from an OpenAI-compatible `/embeddings` endpoint (OpenAI itself, or a local server such
 * as vLLM, Ollama or LM Studio), batched, cached by model and text, and L2-normalised.
 */
import OpenAI from 'openai';
import type { Embedder, Vector } from '../types';
import { cacheGetMany, cacheSetMany, type EmbeddingCache } from './embedding-cache';
import { EmbedderConfigError } from './embedder-config-error';
import { EmbeddingError } from './embedding-error';
import { toEmbeddingError, type EmbeddingCallContext } from './openai-failure';
import { l2normalise } from './vector';

export const DEFAULT_OPENAI_EMBEDDING_MODEL = 'text-embedding-3-small';

/**
 * Inputs are cut to this many characters: far beyond any guest message, and safely under the 8,191-token
 * input limit of OpenAI's embedding models even for Russian (about 1.5–3 characters per token).
 */
export const MAX_EMBEDDING_INPUT_CHARS = 8000;

export interface OpenAiEmbedderOptions {
  /** Sent as a bearer token; never logged nor put in error messages. Local servers accept any non-empty value. */
  apiKey: string;
  /** Default: the openai package's (OPENAI_BASE_URL, else https://api.openai.com/v1). */
  baseURL?: string;
  /** Default "text-embedding-3-small". */
  model?: string;
  /** Per-request timeout of `embedBatch` (the training set). Default 30,000 ms. */
  timeoutMs?: number;
  /**
   * The time `embed` (one guest message, while a turn waits) may take: one request, no retries, given up
   * after this many ms. Default: like `embedBatch` (`timeoutMs`, with `maxRetries`).
   */
  messageTimeoutMs?: number;
  /** Texts already embedded are taken from here and new ones stored. */
  cache?: EmbeddingCache;
  /** Texts per request. Default 128. */
  batchSize?: number;
  /** Retries of the openai package on 408/409/429/5xx and connection errors, with backoff. Default 2. */
  maxRetries?: number;
  /** Shortened output (text-embedding-3 models only); part of the id and cache key when set. */
  dimensions?: number;
}

/**
 * Creates an embedder backed by an OpenAI-compatible embeddings API. Its id is "openai:<model>" (with
 * ":d<dimensions>" when shortened). A text that is empty or only spaces embeds to an empty vector without a
 * request (the API rejects empty input); it scores 0 against everything.
 *
 * @throws EmbedderConfigError for a missing API key or invalid numbers; calls reject with `EmbeddingError`.
 * @example
 * const embedder = createOpenAiEmbedder({
 *   apiKey: process.env.OPENAI_API_KEY!,
 *   baseURL: process.env.OPENAI_BASE_URL,
 *   cache: createSqliteEmbeddingCache(db),
 * });
 * const [a, b] = await embedder.embedBatch(['запишите на маникюр', 'где припарковаться']);
 */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const model = options.model ?? DEFAULT_OPENAI_EMBEDDING_MODEL;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const batchSize = options.batchSize ?? 128;
  const { apiKey, cache, dimensions, messageTimeoutMs } = options;
  checkOptions(options, { timeoutMs, batchSize });

  const client = new OpenAI({ apiKey, baseURL: options.baseURL, timeout: timeoutMs, maxRetries: options.maxRetries ?? 2 });
  const endpoint = `${client.baseURL.replace(/\/+$/, '')}/embeddings`;
  const cacheModel = dimensions ? `${model}@${dimensions}` : model;
  /** How a request is made: the client's timeout and retries, or one short attempt for a message. */
  type Call = { timeoutMs: number; maxRetries?: number };
  const batchCall: Call = { timeoutMs };
  const messageCall: Call = messageTimeoutMs === undefined ? batchCall : { timeoutMs: messageTimeoutMs, maxRetries: 0 };

  async function request(inputs: string[], call: Call): Promise<Float32Array[]> {
    const context: EmbeddingCallContext = { endpoint, model, apiKey, timeoutMs: call.timeoutMs };
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      // 'float' explicitly: the package's default (base64) is decoded wrongly from servers that ignore it.
      response = await client.embeddings.create(
        { model, input: inputs, encoding_format: 'float', ...(dimensions ? { dimensions } : {}) },
        { timeout: call.timeoutMs, ...(call.maxRetries !== undefined && { maxRetries: call.maxRetries }) },
      );
    } catch (error) {
      throw toEmbeddingError(error, context);
    }
    return readVectors(response, inputs.length, context);
  }

  async function embedMany(texts: string[], call: Call): Promise<Vector[]> {
    const inputs = texts.map(toInput);
    const results: Float32Array[] = new Array(texts.length);
    // Each distinct non-empty text is looked up, and if need be requested, once.
    const positions = new Map<string, number[]>();
    inputs.forEach((input, k) => {
      if (input === '') results[k] = new Float32Array(0);
      else positions.set(input, [...(positions.get(input) ?? []), k]);
    });
    const fill = (input: string, vector: Float32Array) => {
      for (const k of positions.get(input)!) results[k] = vector;
    };

    let missing = [...positions.keys()];
    if (cache) {
      const hits = cacheGetMany(cache, cacheModel, missing);
      missing = missing.filter((input, k) => (hits[k] ? (fill(input, hits[k]), false) : true));
    }
    for (let start = 0; start < missing.length; start += batchSize) {
      const chunk = missing.slice(start, start + batchSize);
      const vectors = (await request(chunk, call)).map(l2normalise);
      chunk.forEach((input, k) => fill(input, vectors[k]));
      if (cache) cacheSetMany(cache, cacheModel, chunk.map((input, k) => [input, vectors[k]] as const));
    }
    return results;
  }

  return {
    id: dimensions ? `openai:${model}:d${dimensions}` : `openai:${model}`,
    embedBatch: (texts) => embedMany(texts, batchCall),
    embed: async (text) => (await embedMany([text], messageCall))[0],
  };
}

function checkOptions(options: OpenAiEmbedderOptions, resolved: { timeoutMs: number; batchSize: number }): void {
  if (typeof options.apiKey !== 'string' || options.apiKey.length === 0) {
    throw new EmbedderConfigError('apiKey', 'is missing', { hint: 'set OPENAI_API_KEY (any non-empty value for a local server that needs none)' });
  }
  if (!(resolved.timeoutMs > 0)) throw new EmbedderConfigError('timeoutMs', `${resolved.timeoutMs} is not a positive number of milliseconds`);
  if (options.messageTimeoutMs !== undefined && !(options.messageTimeoutMs > 0)) {
    throw new EmbedderConfigError('messageTimeoutMs', `${options.messageTimeoutMs} is not a positive number of milliseconds`);
  }
  if (!Number.isInteger(resolved.batchSize) || resolved.batchSize < 1 || resolved.batchSize > 2048) {
    throw new EmbedderConfigError('batchSize', `${resolved.batchSize} is not an integer between 1 and 2048`, { hint: 'OpenAI accepts up to 2048 inputs per request' });
  }
  if (options.dimensions !== undefined && (!Number.isInteger(options.dimensions) || options.dimensions < 1)) {
    throw new EmbedderConfigError('dimensions', `${options.dimensions} is not a positive integer`);
  }
}

/** What is sent for a text: trimmed (blank → ""), cut to `MAX_EMBEDDING_INPUT_CHARS`. */
function toInput(text: unknown): string {
  if (typeof text !== 'string') return '';
  const trimmed = text.trim();
  return trimmed.length > MAX_EMBEDDING_INPUT_CHARS ? trimmed.slice(0, MAX_EMBEDDING_INPUT_CHARS) : trimmed;
}

/** Checks the response and returns the vectors in input order. */
function readVectors(response: OpenAI.CreateEmbeddingResponse, expected: number, context: EmbeddingCallContext): Float32Array[] {
  const where = { endpoint: context.endpoint, model: context.model };
  const invalid = (problem: string) =>
    new EmbeddingError('invalid-response', where, `returned ${problem}`, {
      hint: 'check that OPENAI_BASE_URL points at an OpenAI-compatible server and that the model is an embedding model',
    });
  const data: unknown = response?.data;
  if (!Array.isArray(data) || data.length !== expected) {
    throw invalid(`${Array.isArray(data) ? data.length : 'no'} embeddings for ${expected} inputs`);
  }
  const vectors: Float32Array[] = new Array(expected);
  data.forEach((item: { index?: unknown; embedding?: unknown }, position) => {
    const index = typeof item?.index === 'number' ? item.index : position;
    if (!Number.isInteger(index) || index < 0 || index >= expected || vectors[index]) throw invalid(`a bad or repeated index (${String(item?.index)})`);
    vectors[index] = toFloat32(item.embedding, () => invalid(`a malformed embedding at index ${index}`));
  });
  const dimension = vectors[0].length;
  if (vectors.some((v) => v.length !== dimension)) throw invalid('embeddings of different lengths in one response');
  return vectors;
}

function toFloat32(embedding: unknown, invalid: () => EmbeddingError): Float32Array {
  let vector: Float32Array;
  if (Array.isArray(embedding)) vector = Float32Array.from(embedding as number[]);
  else if (typeof embedding === 'string') {
    // A server that answers base64 although 'float' was asked for.
    const bytes = Buffer.from(embedding, 'base64');
    vector = new Float32Array(bytes.length >> 2);
    for (let k = 0; k < vector.length; k++) vector[k] = bytes.readFloatLE(k * 4);
  } else throw invalid();
  if (vector.length === 0 || !vector.every(Number.isFinite)) throw invalid();
  return vector;
}

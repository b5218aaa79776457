/**
 * A local OpenAI-compatible server for tests, on 127.0.0.1 with a free port. It serves
 * `POST /v1/embeddings` (deterministic vectors from the text) and `POST /v1/chat/completions` (a canned or
 * computed answer) by default, records every request, and can be scripted per route: one-off answers with
 * any status, body or delay, or a new default handler.
 *
 * @example
 * const stub = await startOpenAiStub();
 * const client = new OpenAI({ apiKey: 'test-key', baseURL: stub.baseURL });
 * stub.script('POST /v1/embeddings', { status: 500, body: openAiErrorBody('boom', 'server_error') });
 * // ... the next embeddings call gets the 500, later ones the default vectors
 * expect(stub.count('POST /v1/embeddings')).to.equal(2);
 * await stub.close();
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';

/** A request as the stub saw it. `route` is "METHOD /path", e.g. "POST /v1/embeddings". */
export interface StubRequest {
  route: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  // Request bodies are whatever the client sent; tests read the fields they care about.
  body: any;
}

/** One answer: status (default 200), JSON body (default `{}`), extra headers, and a delay before answering. */
export interface StubReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A fixed answer, or one computed from the request. */
export type StubResponder = StubReply | ((request: StubRequest) => StubReply | Promise<StubReply>);

export interface OpenAiStubOptions {
  /** Length of the default embeddings. Default 8. */
  dimensions?: number;
  /** Computes the default embedding of a text. Default `stubEmbedding`. */
  embed?: (text: string, model: string, dimensions: number) => number[];
  /** Computes the default chat answer's content. Default: "stub: " + the last user message. */
  chat?: (request: StubRequest) => string;
}

export interface OpenAiStub {
  /** The base URL to give the openai client, e.g. "http://127.0.0.1:41234/v1". */
  readonly baseURL: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: StubRequest[];
  /** How many requests came for `route` ("POST /v1/embeddings"), or in all. */
  count(route?: string): number;
  /** Queues one-off answers for `route`; each request takes the next one, then the default handler answers. */
  script(route: string, ...replies: StubResponder[]): void;
  /** Replaces (or adds) the default handler of `route`. */
  handle(route: string, responder: StubResponder): void;
  /** Forgets recorded requests and queued answers, and restores the default handlers. */
  reset(): void;
  /** Stops the server, dropping open connections and pending delayed answers. */
  close(): Promise<void>;
}

export const EMBEDDINGS_ROUTE = 'POST /v1/embeddings';
export const CHAT_ROUTE = 'POST /v1/chat/completions';

/**
 * A deterministic pseudo-embedding of `text`: `dimensions` numbers in [-1, 1) from the sha256 of model and
 * text, deliberately not unit length (so tests see that clients normalise).
 */
export function stubEmbedding(text: string, model: string, dimensions: number): number[] {
  const out: number[] = [];
  for (let block = 0; out.length < dimensions; block++) {
    const bytes = createHash('sha256').update(`${model}\u0000${block}\u0000${text}`).digest();
    for (let k = 0; k < bytes.length && out.length < dimensions; k++) out.push(bytes[k] / 128 - 1);
  }
  return out;
}

/** An error body in OpenAI's shape, for scripted failures. */
export function openAiErrorBody(message: string, type = 'invalid_request_error', code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

/** A chat completion body in OpenAI's shape, with one assistant message. */
export function chatCompletionBody(content: string, model = 'gpt-4o-mini') {
  return {
    id: 'chatcmpl-stub',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

/** Starts the stub on 127.0.0.1 with a free port. */
export async function startOpenAiStub(options: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const dimensions = options.dimensions ?? 8;
  const embed = options.embed ?? stubEmbedding;
  const chat = options.chat ?? defaultChatContent;

  const defaults = (): Map<string, StubResponder> =>
    new Map<string, StubResponder>([
      [EMBEDDINGS_ROUTE, (request) => embeddingsReply(request, embed, dimensions)],
      [CHAT_ROUTE, (request) => chatReply(request, chat)],
    ]);
  let handlers = defaults();
  const queues = new Map<string, StubResponder[]>();
  const requests: StubRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const app = express();
  app.use(express.json({ limit: '50mb' }));
  app.use(async (req: Request, res: Response) => {
    const route = `${req.method} ${req.path}`;
    const request: StubRequest = { route, method: req.method, path: req.path, headers: req.headers, body: req.body };
    requests.push(request);
    const responder = queues.get(route)?.shift() ?? handlers.get(route);
    const reply: StubReply = responder
      ? typeof responder === 'function'
        ? await responder(request)
        : responder
      : { status: 404, body: openAiErrorBody(`The stub has no handler for ${route}`, 'invalid_request_error', 'unknown_url') };
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), reply.delayMs);
        timers.add(timer);
      });
    }
    // The client may have given up (timeout) or the stub been closed meanwhile.
    if (res.destroyed || res.writableEnded) return;
    res.status(reply.status ?? 200).set(reply.headers ?? {}).json(reply.body ?? {});
  });
  // A throwing responder or an unparsable body still gets an answer in OpenAI's error shape.
  app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    res.status(error.status ?? 500).json(openAiErrorBody(`stub: ${error.message}`, 'server_error'));
  });

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const port = (server.address() as AddressInfo).port;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    count: (route) => (route ? requests.filter((r) => r.route === route).length : requests.length),
    script(route, ...replies) {
      queues.set(route, [...(queues.get(route) ?? []), ...replies]);
    },
    handle(route, responder) {
      handlers.set(route, responder);
    },
    reset() {
      requests.length = 0;
      queues.clear();
      handlers = defaults();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function embeddingsReply(request: StubRequest, embed: NonNullable<OpenAiStubOptions['embed']>, dimensions: number): StubReply {
  const { input, model, encoding_format: format } = request.body ?? {};
  const inputs: unknown[] = Array.isArray(input) ? input : [input];
  if (typeof model !== 'string' || inputs.length === 0 || inputs.some((text) => typeof text !== 'string' || text === '')) {
    return { status: 400, body: openAiErrorBody("'input' must be a non-empty string or array of non-empty strings, and 'model' a string") };
  }
  const size = typeof request.body.dimensions === 'number' ? request.body.dimensions : dimensions;
  const data = (inputs as string[]).map((text, index) => {
    const vector = embed(text, model, size);
    const embedding = format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = (inputs as string[]).reduce((sum, text) => sum + text.length, 0);
  return { body: { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } } };
}

function chatReply(request: StubRequest, chat: (request: StubRequest) => string): StubReply {
  if (request.body?.stream) return { status: 400, body: openAiErrorBody('The stub does not stream; script a reply instead') };
  return { body: chatCompletionBody(chat(request), request.body?.model) };
}

function defaultChatContent(request: StubRequest): string {
  const messages: Array<{ role?: string; content?: unknown }> = Array.isArray(request.body?.messages) ? request.body.messages : [];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  return `stub: ${typeof lastUser?.content === 'string' ? lastUser.content : ''}`;
}

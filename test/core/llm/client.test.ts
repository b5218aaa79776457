import { expect } from 'chai';
import { openDatabase } from '../../../core/store/open-database';
import { createLlmClient, createMemoryLlmCache, createSqliteLlmCache, createTurnBudget, LLM_CACHE_TABLE, type LlmLogEvent } from '../../../core/llm';
import { CHAT_ROUTE, chatCompletionBody, openAiErrorBody, startOpenAiStub, type OpenAiStub } from '../../support/openai-stub';

const API_KEY = 'sk-test-SECRET-0123456789';
const MESSAGES = [{ role: 'user' as const, content: 'до скольки работаете' }];

describe('createLlmClient', () => {
  let stub: OpenAiStub;
  let events: LlmLogEvent[];
  const log = (event: LlmLogEvent) => events.push(event);

  before(async () => {
    stub = await startOpenAiStub();
  });
  after(() => stub.close());
  beforeEach(() => {
    stub.reset();
    events = [];
  });

  /** A client on the stub; `fallback` adds a fallback model. */
  const client = (options: { fallback?: boolean; cache?: ReturnType<typeof createMemoryLlmCache> } = {}) =>
    createLlmClient({ apiKey: API_KEY, baseURL: stub.baseURL, model: 'main-model', fallbackModel: options.fallback ? 'fallback-model' : undefined, cache: options.cache, log });

  /** The models the stub was asked for, in order. */
  const modelsAsked = () => stub.requests.filter((r) => r.route === CHAT_ROUTE).map((r) => r.body.model);

  it('returns the model\'s text through the openai package', async () => {
    stub.script(CHAT_ROUTE, { body: chatCompletionBody('Работаем ежедневно 10:00–22:00.', 'main-model') });
    const result = await client().complete(MESSAGES, { budget: 2000 });
    expect(result).to.deep.include({ ok: true, text: 'Работаем ежедневно 10:00–22:00.', model: 'main-model', cached: false });
    expect(stub.requests[0].headers.authorization).to.equal(`Bearer ${API_KEY}`);
    expect(stub.requests[0].body).to.deep.include({ model: 'main-model', messages: MESSAGES });
  });

  it('falls back to the second model after a slow answer, within the budget', async () => {
    stub.script(CHAT_ROUTE, { delayMs: 5000, body: chatCompletionBody('поздно') }, { body: chatCompletionBody('Ответ запасной модели.') });
    const started = performance.now();
    const result = await client({ fallback: true }).complete(MESSAGES, { budget: 1000 });
    const elapsed = performance.now() - started;
    expect(result).to.deep.include({ ok: true, text: 'Ответ запасной модели.', model: 'fallback-model' });
    expect(modelsAsked()).to.deep.equal(['main-model', 'fallback-model']);
    expect(elapsed).to.be.below(1000 + 300);
  });

  it('gives up within the budget when both models are too slow', async () => {
    stub.script(CHAT_ROUTE, { delayMs: 5000 }, { delayMs: 5000 });
    const started = performance.now();
    const result = await client({ fallback: true }).complete(MESSAGES, { budget: 1000 });
    const elapsed = performance.now() - started;
    expect(result.ok).to.equal(false);
    expect(result.ok ? undefined : result.failures.map((f) => [f.model, f.kind])).to.deep.equal([['main-model', 'timeout'], ['fallback-model', 'timeout']]);
    expect(elapsed).to.be.below(1000 + 300);
  });

  it('tries the fallback model once after a 500, then reports a 429 as a typed failure', async () => {
    stub.script(CHAT_ROUTE,
      { status: 500, body: openAiErrorBody('boom', 'server_error') },
      { status: 429, body: openAiErrorBody('Rate limit reached', 'rate_limit_exceeded') },
      { body: chatCompletionBody('третий запрос не должен случиться') });
    const result = await client({ fallback: true }).complete(MESSAGES, { budget: 3000 });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.failures.map((f) => [f.kind, f.status])).to.deep.equal([['server-error', 500], ['rate-limited', 429]]);
    expect(result.failure).to.include({ kind: 'rate-limited', model: 'fallback-model', status: 429 });
    expect(modelsAsked()).to.deep.equal(['main-model', 'fallback-model']);
  });

  it('does not try the fallback model after a refusal such as 400', async () => {
    stub.script(CHAT_ROUTE, { status: 400, body: openAiErrorBody('unknown model') });
    const result = await client({ fallback: true }).complete(MESSAGES, { budget: 3000 });
    expect(result.ok ? undefined : result.failure).to.include({ kind: 'refused', status: 400 });
    expect(modelsAsked()).to.deep.equal(['main-model']);
  });

  it('tries a single model once when no fallback is configured', async () => {
    stub.script(CHAT_ROUTE, { status: 503, body: openAiErrorBody('overloaded', 'server_error') });
    const result = await client().complete(MESSAGES, { budget: 3000 });
    expect(result.ok ? undefined : result.failure.kind).to.equal('server-error');
    expect(stub.count(CHAT_ROUTE)).to.equal(1);
  });

  it('reports an answer without text as an invalid response', async () => {
    stub.script(CHAT_ROUTE, { body: { choices: [] } });
    const result = await client().complete(MESSAGES, { budget: 3000 });
    expect(result.ok ? undefined : result.failure.kind).to.equal('invalid-response');
  });

  it('makes no request when the turn\'s budget is spent', async () => {
    let now = 0;
    const budget = createTurnBudget(1000, () => now);
    now = 950;
    const result = await client().complete(MESSAGES, { budget });
    expect(result.ok ? undefined : result.failure.kind).to.equal('no-budget');
    expect(stub.count()).to.equal(0);
  });

  it('reports a server that is not there as a network failure, without throwing', async () => {
    const closed = await startOpenAiStub();
    const baseURL = closed.baseURL;
    await closed.close();
    const result = await createLlmClient({ apiKey: API_KEY, baseURL, model: 'main-model', fallbackModel: 'fallback-model' }).complete(MESSAGES, { budget: 2000 });
    expect(result.ok ? undefined : result.failure.kind).to.equal('network');
    expect(result.ok ? 0 : result.failures.length).to.equal(1);
  });

  it('answers the same prompt from the SQLite cache without a second request', async () => {
    const db = openDatabase(':memory:');
    const cache = createSqliteLlmCache(db, () => new Date('2026-11-24T12:00:00Z'));
    stub.handle(CHAT_ROUTE, { body: chatCompletionBody('Работаем ежедневно.') });
    const llm = createLlmClient({ apiKey: API_KEY, baseURL: stub.baseURL, model: 'main-model', cache, log });
    const first = await llm.complete(MESSAGES, { budget: 2000 });
    const second = await llm.complete(MESSAGES, { budget: 2000 });
    expect(first).to.include({ ok: true, cached: false });
    expect(second).to.include({ ok: true, cached: true, text: 'Работаем ежедневно.' });
    expect(stub.count(CHAT_ROUTE)).to.equal(1);
    expect(db.prepare(`SELECT model, created_at FROM ${LLM_CACHE_TABLE}`).all()).to.deep.equal([{ model: 'main-model', created_at: '2026-11-24T12:00:00.000Z' }]);
    const other = await llm.complete([{ role: 'user', content: 'а в выходные?' }], { budget: 2000 });
    expect(other.ok && other.cached).to.equal(false);
    expect(stub.count(CHAT_ROUTE)).to.equal(2);
    db.close();
  });

  it('keeps answering when the cache fails', async () => {
    const broken = { get: () => { throw new Error('disk I/O error'); }, set: () => { throw new Error('disk I/O error'); } };
    stub.handle(CHAT_ROUTE, { body: chatCompletionBody('Да.') });
    const llm = createLlmClient({ apiKey: API_KEY, baseURL: stub.baseURL, model: 'main-model', cache: broken, log });
    expect(await llm.complete(MESSAGES, { budget: 2000 })).to.include({ ok: true, text: 'Да.' });
    expect(events.filter((e) => e.event === 'llm.cache-error')).to.have.length(2);
  });

  it('never puts the API key in a failure or a log event, even when the server echoes it', async () => {
    stub.script(CHAT_ROUTE,
      { status: 401, body: openAiErrorBody(`Incorrect API key provided: ${API_KEY}`, 'invalid_request_error', 'invalid_api_key') },
      { status: 500, body: openAiErrorBody(`upstream rejected ${API_KEY}`, 'server_error') },
      { status: 429, body: openAiErrorBody(`quota for ${API_KEY}`, 'rate_limit_exceeded') });
    const failures = [
      await client().complete(MESSAGES, { budget: 2000 }),
      await client({ fallback: true }).complete(MESSAGES, { budget: 2000 }),
    ];
    const reported = JSON.stringify({ failures, events });
    expect(reported).to.include('Incorrect API key provided: ***');
    expect(reported).not.to.include(API_KEY);
    expect(reported).not.to.include('SECRET');
  });

  it('logs each request and its outcome', async () => {
    stub.script(CHAT_ROUTE, { status: 500, body: openAiErrorBody('boom', 'server_error') }, { body: chatCompletionBody('Да.') });
    await client({ fallback: true }).complete(MESSAGES, { budget: 2000, purpose: 'faq' });
    expect(events.map((e) => [e.event, 'model' in e ? e.model : undefined])).to.deep.equal([
      ['llm.request', 'main-model'], ['llm.failure', 'main-model'], ['llm.request', 'fallback-model'], ['llm.response', 'fallback-model'],
    ]);
    expect(events.every((e) => !('purpose' in e) || e.purpose === 'faq')).to.equal(true);
  });
});

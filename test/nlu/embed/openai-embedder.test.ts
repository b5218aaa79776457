import { createServer } from 'node:net';
import { expect } from 'chai';
import Database from 'better-sqlite3';
import {
  createOpenAiEmbedder,
  createSqliteEmbeddingCache,
  dot,
  EmbedderConfigError,
  EmbeddingError,
  l2norm,
  type OpenAiEmbedderOptions,
} from '../../../nlu/embed';
import { EMBEDDINGS_ROUTE, openAiErrorBody, startOpenAiStub, stubEmbedding, type OpenAiStub } from '../../support/openai-stub';

const apiKey = 'sk-test-0123456789abcdef';

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function rejection(promise: Promise<unknown>): Promise<EmbeddingError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(EmbeddingError);
    return error as EmbeddingError;
  }
  throw new Error('expected the call to fail');
}

describe('OpenAI-compatible embedder', () => {
  let stub: OpenAiStub;
  const embedderFor = (options: Partial<OpenAiEmbedderOptions> = {}) =>
    createOpenAiEmbedder({ apiKey, baseURL: stub.baseURL, maxRetries: 0, ...options });

  before(async () => {
    stub = await startOpenAiStub({ dimensions: 16 });
  });
  afterEach(() => stub.reset());
  after(() => stub.close());

  it('gets unit vectors from the server through the openai package, in input order', async () => {
    const embedder = embedderFor();
    const [a, b] = (await embedder.embedBatch(['запишите на маникюр', 'где припарковаться'])) as Float32Array[];
    expect(a).to.be.instanceOf(Float32Array);
    expect(a.length).to.equal(16);
    expect(l2norm(a)).to.be.closeTo(1, 1e-5);
    const expected = Float32Array.from(stubEmbedding('где припарковаться', 'text-embedding-3-small', 16));
    expect(dot(b, expected) / l2norm(expected)).to.be.closeTo(1, 1e-5);

    const [request] = stub.requests;
    expect(request.route).to.equal(EMBEDDINGS_ROUTE);
    expect(request.headers.authorization).to.equal(`Bearer ${apiKey}`);
    expect(request.body).to.include({ model: 'text-embedding-3-small' });
    expect(request.body.input).to.deep.equal(['запишите на маникюр', 'где припарковаться']);
  });

  it('is named after its model', () => {
    expect(embedderFor().id).to.equal('openai:text-embedding-3-small');
    expect(embedderFor({ model: 'bge-m3' }).id).to.equal('openai:bge-m3');
  });

  it('splits many texts into batches of batchSize', async () => {
    const texts = Array.from({ length: 7 }, (_, i) => `текст номер ${i}`);
    const vectors = await embedderFor({ batchSize: 3 }).embedBatch(texts);
    expect(vectors).to.have.length(7);
    expect(stub.requests.map((r) => r.body.input.length)).to.deep.equal([3, 3, 1]);
  });

  it('asks once for a text repeated within a batch', async () => {
    const [a, b] = await embedderFor().embedBatch(['маникюр', 'маникюр']);
    expect(stub.requests[0].body.input).to.deep.equal(['маникюр']);
    expect(dot(a, b)).to.be.closeTo(1, 1e-6);
  });

  it('does not call the server again for a text the SQLite cache holds', async () => {
    const db = new Database(':memory:');
    const cache = createSqliteEmbeddingCache(db);
    const first = await embedderFor({ cache }).embed('запишите на маникюр');
    // A fresh embedder over the same database: the cache, not the process, remembers.
    const second = await embedderFor({ cache: createSqliteEmbeddingCache(db) }).embedBatch(['запишите на маникюр', 'новый текст']);
    expect(stub.count(EMBEDDINGS_ROUTE)).to.equal(2);
    expect(stub.requests[1].body.input).to.deep.equal(['новый текст']);
    expect(Array.from(second[0] as Float32Array)).to.deep.equal(Array.from(first as Float32Array));
    await embedderFor({ cache }).embed('новый текст');
    expect(stub.count(EMBEDDINGS_ROUTE)).to.equal(2);
    db.close();
  });

  it('keeps the cache of one model apart from another', async () => {
    const cache = createSqliteEmbeddingCache(new Database(':memory:'));
    await embedderFor({ cache }).embed('маникюр');
    await embedderFor({ cache, model: 'other-model' }).embed('маникюр');
    expect(stub.count(EMBEDDINGS_ROUTE)).to.equal(2);
  });

  it('embeds a blank text as an empty vector without a request', async () => {
    const [empty, blank] = await embedderFor().embedBatch(['', '   ']);
    expect((empty as Float32Array).length).to.equal(0);
    expect((blank as Float32Array).length).to.equal(0);
    expect(stub.count()).to.equal(0);
  });

  it('sends 10,000 characters without throwing', async () => {
    const v = (await embedderFor().embed('маникюр '.repeat(1250))) as Float32Array;
    expect(v.length).to.equal(16);
  });

  it('reports an HTTP 500 as refused, naming endpoint, model and what to check', async () => {
    stub.script(EMBEDDINGS_ROUTE, { status: 500, body: openAiErrorBody('The server had an error', 'server_error') });
    const error = await rejection(embedderFor().embed('маникюр'));
    expect(error.kind).to.equal('refused');
    expect(error.status).to.equal(500);
    expect(error.endpoint).to.equal(`${stub.baseURL}/embeddings`);
    expect(error.message).to.include(`${stub.baseURL}/embeddings`);
    expect(error.message).to.include('text-embedding-3-small');
    expect(error.message).to.include('HTTP 500: The server had an error');
    expect(error.message).to.include('OPENAI_BASE_URL');
    expect(error.cause).to.be.instanceOf(Error);
  });

  it('points at OPENAI_API_KEY for a 401 and at the model name for a 404', async () => {
    stub.script(
      EMBEDDINGS_ROUTE,
      { status: 401, body: openAiErrorBody('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key') },
      { status: 404, body: openAiErrorBody('The model `nope` does not exist', 'invalid_request_error', 'model_not_found') },
    );
    expect((await rejection(embedderFor().embed('a'))).message).to.include('OPENAI_API_KEY');
    expect((await rejection(embedderFor({ model: 'nope' }).embed('a'))).message).to.match(/model name/);
  });

  it('never puts the API key in the error, even when the server echoes it', async () => {
    stub.script(EMBEDDINGS_ROUTE, (request) => ({
      status: 500,
      body: openAiErrorBody(`upstream rejected ${String(request.headers.authorization)}`),
    }));
    const error = await rejection(embedderFor().embed('маникюр'));
    expect(error.message).to.include('upstream rejected Bearer ***');
    expect(error.message).to.not.include(apiKey);
    expect(String(error.stack)).to.not.include(apiKey);
    const cause = error.cause as Error & { error?: unknown };
    expect(cause.message).to.not.include(apiKey);
    expect(JSON.stringify(cause.error)).to.not.include(apiKey);
  });

  it('reports an unreachable port as a network failure', async () => {
    const port = await closedPort();
    const embedder = createOpenAiEmbedder({ apiKey, baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
    const error = await rejection(embedder.embed('маникюр'));
    expect(error.kind).to.equal('network');
    expect(error.status).to.equal(undefined);
    expect(error.message).to.include(`127.0.0.1:${port}/v1/embeddings`);
    expect(error.message).to.include('could not connect (ECONNREFUSED)');
    expect(error.message).to.include('OPENAI_BASE_URL');
    expect(error.message).to.not.include(apiKey);
  });

  it('reports a server slower than timeoutMs as a network failure that says so', async () => {
    stub.script(EMBEDDINGS_ROUTE, { delayMs: 2000, body: {} });
    const error = await rejection(embedderFor({ timeoutMs: 100 }).embed('маникюр'));
    expect(error.kind).to.equal('network');
    expect(error.message).to.include('timed out after 100 ms');
  });

  it('gives one message a single try within messageTimeoutMs, however many retries batches get', async () => {
    stub.script(EMBEDDINGS_ROUTE, { delayMs: 2000, body: {} }, { delayMs: 2000, body: {} });
    const started = Date.now();
    const error = await rejection(embedderFor({ messageTimeoutMs: 100, maxRetries: 2 }).embed('маникюр'));
    expect(Date.now() - started).to.be.below(1000);
    expect(error.message).to.include('timed out after 100 ms');
    expect(stub.count(EMBEDDINGS_ROUTE)).to.equal(1);
  });

  it('rejects an answer with the wrong number of embeddings as an invalid response', async () => {
    stub.script(EMBEDDINGS_ROUTE, { body: { object: 'list', data: [], model: 'x' } });
    const error = await rejection(embedderFor().embed('маникюр'));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.include('0 embeddings for 1 inputs');
  });

  it('retries a 500 when asked to, then succeeds', async () => {
    stub.script(EMBEDDINGS_ROUTE, { status: 500, body: openAiErrorBody('flaky'), headers: { 'retry-after-ms': '1' } });
    const v = (await embedderFor({ maxRetries: 1 }).embed('маникюр')) as Float32Array;
    expect(v.length).to.equal(16);
    expect(stub.count(EMBEDDINGS_ROUTE)).to.equal(2);
  });

  it('refuses to start without an API key', () => {
    expect(() => createOpenAiEmbedder({ apiKey: '', baseURL: stub.baseURL })).to.throw(EmbedderConfigError, /OPENAI_API_KEY/);
  });
});

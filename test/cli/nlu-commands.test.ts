import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startOpenAiStub, type OpenAiStub } from '../support/openai-stub';
import { runCli, scratchDir } from '../support/run-cli';

describe('coco nlu', function () {
  this.timeout(60_000);
  const scratch = scratchDir();
  const env = { COCO_CACHE_DIR: join(scratch, 'cache'), COCO_DB: join(scratch, 'coco.db') };

  it('parse --json prints text, intent, ranking and entities', async () => {
    const { code, stdout } = await runCli(['nlu', 'parse', 'запишите плз на ноготочки в пт после 6', '--now', '2026-11-24T12:00:00+03:00', '--json'], env);
    expect(code).to.equal(0);
    const result = JSON.parse(stdout);
    expect(result).to.have.keys('text', 'intent', 'ranking', 'entities');
    expect(result.intent.name).to.equal('booking');
    expect(result.ranking[0]).to.have.keys('name', 'confidence');
    expect(result.entities.map((e: { entity: string }) => e.entity)).to.include.members(['service', 'when']);
    for (const e of result.entities) expect(e).to.include.keys('entity', 'value', 'start', 'end', 'text');
  });

  it('parse rejects a --now that is not a date, saying how to write one', async () => {
    const { code, stderr } = await runCli(['nlu', 'parse', 'привет', '--now', 'вчера'], env);
    expect(code).to.not.equal(0);
    expect(stderr).to.match(/not an ISO date-time; use e\.g\. 2026-11-24T12:00:00\+03:00/);
  });

  it('eval --json reports accuracy, macro-F1, per-intent metrics and confusions on a Rasa file', async () => {
    const data = join(scratch, 'small.yml');
    writeFileSync(data, `version: "3.1"
nlu:
- intent: greet
  examples: |
    - здрасьте вам
    - приветик
- intent: booking
  examples: |
    - хочу записаться на [маникюр](service) в субботу
- intent: thanks
  examples: |
    - спасибочки
`);
    const { code, stdout } = await runCli(['nlu', 'eval', '--data', data, '--json'], env);
    expect(code).to.equal(0);
    const report = JSON.parse(stdout);
    expect(report).to.include.keys('accuracy', 'macroF1', 'perIntent', 'confusions');
    expect(report.perIntent.greet).to.have.keys('precision', 'recall', 'f1', 'support');
    expect(report.perIntent.greet.support).to.equal(2);
    expect(report.accuracy).to.be.within(0, 1);
  });

  it('eval names the file and line of a broken data file', async () => {
    const data = join(scratch, 'broken.yml');
    writeFileSync(data, 'nlu:\n- intent: greet\n  examples: |\n    - [привет]{entity}\n');
    const { code, stderr } = await runCli(['nlu', 'eval', '--data', data], env);
    expect(code).to.equal(1);
    expect(stderr).to.contain(`${data}:4: the annotation {entity} is not valid JSON`);
  });

  describe('with OpenAI-compatible embeddings', () => {
    let stub: OpenAiStub;
    before(async () => (stub = await startOpenAiStub({ dimensions: 64 })));
    after(() => stub.close());

    it('trains on dense vectors from the configured server and caches them in SQLite', async () => {
      const openai = { ...env, COCO_DB: join(scratch, 'dense.db'), COCO_NLU_EMBEDDER: 'openai', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: stub.baseURL };
      const first = await runCli(['nlu', 'parse', 'привет', '--json'], openai);
      expect(first.code, first.stderr).to.equal(0);
      expect(JSON.parse(first.stdout).ranking).to.have.length.greaterThan(1);
      const calls = stub.count('POST /v1/embeddings');
      expect(calls).to.be.greaterThan(0);
      const second = await runCli(['nlu', 'parse', 'привет', '--json'], openai);
      expect(second.code).to.equal(0);
      expect(stub.count('POST /v1/embeddings')).to.equal(calls);
    });

    it('explains a missing API key instead of failing later', async () => {
      const { code, stderr } = await runCli(['nlu', 'parse', 'привет'], { ...env, COCO_NLU_EMBEDDER: 'openai', OPENAI_API_KEY: '' });
      expect(code).to.equal(1);
      expect(stderr).to.contain('OPENAI_API_KEY: is not set');
    });
  });
});

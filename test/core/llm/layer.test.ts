import { expect } from 'chai';
import { openDatabase } from '../../../core/store/open-database';
import { createLlmLayer, LLM_CACHE_TABLE } from '../../../core/llm';
import { llmSettingsFromEnv } from '../../../app';
import { CHAT_ROUTE, chatCompletionBody, startOpenAiStub, type OpenAiStub } from '../../support/openai-stub';
import { shippedCatalog } from '../../support/content';
import { shippedBrand, shippedFaq } from './fixtures';

describe('createLlmLayer', () => {
  let stub: OpenAiStub;
  const faq = shippedFaq();
  const base = { brand: shippedBrand(), catalog: shippedCatalog(), render: faq.render };

  before(async () => {
    stub = await startOpenAiStub();
  });
  after(() => stub.close());
  beforeEach(() => stub.reset());

  it('works without an API key: extractive answers, templates as written', async () => {
    const llm = createLlmLayer({ ...base, settings: llmSettingsFromEnv({}) });
    expect(llm.enabled).to.equal(false);
    expect(llm.shouldRephrase(true)).to.equal(false);
    const question = 'где припарковаться в сити';
    expect(await llm.answerFromFaq(question, faq.search(question), [])).to.include({ source: 'extractive' });
    expect(await llm.rephrase('Чем можем помочь?', {})).to.include({ source: 'template', text: 'Чем можем помочь?' });
  });

  it('binds the settings, the SQLite cache and the turn budget', async () => {
    const db = openDatabase(':memory:');
    const settings = llmSettingsFromEnv({ OPENAI_API_KEY: 'sk-layer-test', OPENAI_BASE_URL: stub.baseURL, COCO_LLM_REPHRASE: 'marked', COCO_LLM_TIMEOUT_MS: '2000' });
    const llm = createLlmLayer({ ...base, settings, db });
    expect(llm.enabled).to.equal(true);
    expect([llm.shouldRephrase(true), llm.shouldRephrase(false)]).to.deep.equal([true, false]);
    expect(llm.turnBudget().remainingMs()).to.be.within(1900, 2000);

    stub.handle(CHAT_ROUTE, { body: chatCompletionBody('В «Сити» подземный паркинг ТЦ, первый час бесплатно по штампу салона 🤍') });
    const question = 'где припарковаться в сити';
    const first = await llm.answerFromFaq(question, faq.search(question), []);
    const second = await llm.answerFromFaq(question, faq.search(question), []);
    expect(first).to.include({ source: 'llm' });
    expect(second.text).to.equal(first.text);
    expect(stub.count(CHAT_ROUTE)).to.equal(1);
    expect(stub.requests[0].body.model).to.equal('gpt-4o-mini');
    expect((db.prepare(`SELECT COUNT(*) AS n FROM ${LLM_CACHE_TABLE}`).get() as { n: number }).n).to.equal(1);
    db.close();
  });
});

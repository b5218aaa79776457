import { expect } from 'chai';
import { ConfigError } from '../../common';
import { llmSettingsFromEnv } from '../../app';

describe('llmSettingsFromEnv', () => {
  it('turns the LLM off without an API key, whatever else is set', () => {
    expect(llmSettingsFromEnv({})).to.deep.equal({ enabled: false, rephrase: 'off' });
    expect(llmSettingsFromEnv({ OPENAI_API_KEY: '  ', COCO_LLM_MODEL: 'x', COCO_LLM_REPHRASE: 'all', COCO_LLM_TIMEOUT_MS: 'soon' })).to.deep.equal({ enabled: false, rephrase: 'off' });
  });

  it('uses gpt-4o-mini, 6 seconds and no rephrasing by default', () => {
    expect(llmSettingsFromEnv({ OPENAI_API_KEY: 'sk-1' })).to.deep.equal({ enabled: true, apiKey: 'sk-1', model: 'gpt-4o-mini', timeoutMs: 6000, rephrase: 'off' });
  });

  it('reads every variable', () => {
    expect(llmSettingsFromEnv({
      OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', COCO_LLM_MODEL: 'qwen2.5:7b', COCO_LLM_FALLBACK_MODEL: 'qwen2.5:3b',
      COCO_LLM_TIMEOUT_MS: '4000', COCO_LLM_REPHRASE: 'Marked',
    })).to.deep.equal({ enabled: true, apiKey: 'sk-1', baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', fallbackModel: 'qwen2.5:3b', timeoutMs: 4000, rephrase: 'marked' });
  });

  it('says which variable is wrong and how to fix it', () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ COCO_LLM_TIMEOUT_MS: 'soon' }, 'COCO_LLM_TIMEOUT_MS', /not a positive number of milliseconds[\s\S]*COCO_LLM_TIMEOUT_MS=6000/],
      [{ COCO_LLM_TIMEOUT_MS: '-5' }, 'COCO_LLM_TIMEOUT_MS', /not a positive number/],
      [{ COCO_LLM_TIMEOUT_MS: '20000' }, 'COCO_LLM_TIMEOUT_MS', /10 seconds[\s\S]*at most 9000/],
      [{ COCO_LLM_REPHRASE: 'sometimes' }, 'COCO_LLM_REPHRASE', /unknown mode "sometimes"[\s\S]*off .*marked .*all/],
      [{ OPENAI_BASE_URL: 'localhost:11434' }, 'OPENAI_BASE_URL', /not an http\(s\) URL/],
    ];
    for (const [env, variable, message] of cases) {
      let error: unknown;
      try {
        llmSettingsFromEnv({ OPENAI_API_KEY: 'sk-secret-key', ...env });
      } catch (e) {
        error = e;
      }
      expect(error, variable).to.be.instanceOf(ConfigError);
      expect((error as ConfigError).variable).to.equal(variable);
      expect((error as Error).message).to.match(message);
      expect((error as Error).message).not.to.include('sk-secret-key');
    }
  });
});

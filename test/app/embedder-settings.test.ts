import { expect } from 'chai';
import { ConfigError } from '../../common/errors';
import { DEFAULT_EMBEDDING_TIMEOUT_MS, embedderSettingsFromEnv } from '../../app/embedder-settings';

const DENSE = { COCO_NLU_EMBEDDER: 'openai', OPENAI_API_KEY: 'test-key' };

describe('embedder settings', () => {
  it('lets a guest message wait 1.5 s for its dense embedding unless COCO_EMBEDDING_TIMEOUT_MS says otherwise', () => {
    expect(DEFAULT_EMBEDDING_TIMEOUT_MS).to.equal(1500);
    expect(embedderSettingsFromEnv(DENSE)).to.include({ kind: 'openai', messageTimeoutMs: 1500 });
    expect(embedderSettingsFromEnv({ ...DENSE, COCO_EMBEDDING_TIMEOUT_MS: '800' })).to.include({ messageTimeoutMs: 800 });
  });

  it('refuses a timeout that is not a positive number, naming the variable', () => {
    for (const value of ['0', '-5', 'soon']) {
      expect(() => embedderSettingsFromEnv({ ...DENSE, COCO_EMBEDDING_TIMEOUT_MS: value }), value).to.throw(ConfigError, /COCO_EMBEDDING_TIMEOUT_MS/);
    }
  });
});

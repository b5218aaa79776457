/**
 * A dense embedder that stops answering costs a guest at most its short timeout: the message is ranked
 * by the offline featuriser, and the outage is logged once, until a message is embedded again.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { createAssistant, loadContent, type Assistant } from '../../app/assistant';
import { createEmbedder, embedderSettingsFromEnv } from '../../app/embedder-settings';
import type { Logger } from '../../common';
import { openDatabase } from '../../core/store';
import { Nlu } from '../../nlu';
import { CONTENT_DIR, shippedCatalog, shippedNlu, shippedTraining } from '../support/content';
import { EMBEDDINGS_ROUTE, startOpenAiStub, type OpenAiStub } from '../support/openai-stub';

type Line = { level: string; event: string };

/** A logger that keeps the level and event of every line. */
function recordingLog(lines: Line[]): Logger {
  const at = (level: string) => (event: string) => void lines.push({ level, event });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => log };
  return log;
}

const NOW = new Date('2026-11-24T12:00:00+03:00');
const NEW_PHRASES = ['подскажите, а можно к вам на маникюрчик в субботу утром', 'сколько у вас стоит педикюрчик в сити', 'а парковка у салона на тверской есть'];

describe('a dense embedder that stops answering', function () {
  this.timeout(60_000);
  let stub: OpenAiStub;
  let assistant: Assistant;
  const lines: Line[] = [];
  let warmUps = 0;
  const hang = () => stub.handle(EMBEDDINGS_ROUTE, () => new Promise(() => undefined));
  const outages = () => lines.filter((l) => l.event === 'nlu.embedder.unavailable');

  before(async () => {
    stub = await startOpenAiStub({ dimensions: 32 });
    const settings = embedderSettingsFromEnv({ COCO_NLU_EMBEDDER: 'openai', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: stub.baseURL });
    const db = openDatabase(':memory:');
    const log = recordingLog(lines);
    // Trained while the server answers; the training set's vectors are then in the SQLite cache.
    const nlu = await Nlu.train({ training: shippedTraining(), catalog: shippedCatalog() }, { embedder: createEmbedder(settings, db), log });
    assistant = createAssistant({ contentDir: CONTENT_DIR, flowsDir: join(CONTENT_DIR, '..', 'flows'), database: ':memory:', clock: () => NOW, nlu, content: loadContent({ contentDir: CONTENT_DIR }), log });
  });
  after(async () => {
    assistant?.close();
    await stub.close();
  });

  /** The guest writes; the turn's result. */
  const says = (userId: string, text: string) => assistant.engine.handle({ channel: 'web', userId, text });

  beforeEach(async () => {
    // Start from a server that answers and an embedder that has just been heard from.
    stub.reset();
    await says('warm-up', `добрый день, это снова я ${++warmUps}`);
    stub.reset();
    lines.length = 0;
  });

  it('answers new phrases within about two seconds with what the offline NLU makes of them, warning once for both', async () => {
    hang();
    const offline = await shippedNlu();
    for (const [index, text] of NEW_PHRASES.slice(0, 2).entries()) {
      const started = Date.now();
      const turn = await says(`guest-${index}`, text);
      expect(Date.now() - started, text).to.be.below(2500);
      expect(turn.replies, text).to.not.be.empty;
      expect(turn.ranking, text).to.deep.equal((await offline.parse(text, { now: NOW })).ranking);
    }
    // One try per message: no retries while a guest waits.
    expect(stub.count(EMBEDDINGS_ROUTE)).to.equal(2);
    expect(outages()).to.deep.equal([{ level: 'warn', event: 'nlu.embedder.unavailable' }]);
  });

  it('warns again only after a message was embedded in between', async () => {
    hang();
    await says('guest-3', NEW_PHRASES[2]);
    stub.reset();
    await says('guest-4', 'а брови вы тоже делаете');
    hang();
    await says('guest-5', 'а ресницы наращиваете');
    expect(lines.filter((l) => l.event.startsWith('nlu.embedder.')).map((l) => `${l.level} ${l.event}`)).to.deep.equal([
      'warn nlu.embedder.unavailable',
      'info nlu.embedder.recovered',
      'warn nlu.embedder.unavailable',
    ]);
  });
});

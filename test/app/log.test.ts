import { expect } from 'chai';
import { ConfigError } from '../../common/errors';
import { conversationLogId, createLogger, loggerFromEnv, scrubForLog } from '../../app/log';
import { silentLogger } from '../../common';

const KEY = 'sk-test-log-0123456789abcdef';

/** A logger writing JSON lines into an array. */
function collecting(level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(line) } as never;
  return { lines, parsed: () => lines.map((l) => JSON.parse(l)), destination, level };
}

describe('createLogger', () => {
  it('writes one JSON line per event with the level name, the event as msg and the fields', () => {
    const out = collecting();
    createLogger({ destination: out.destination }).info('faq.answer', { grounding: ['parking_city'], source: 'llm' });
    expect(out.parsed()).to.have.length(1);
    expect(out.parsed()[0]).to.deep.include({ level: 'info', msg: 'faq.answer', grounding: ['parking_city'], source: 'llm' });
  });

  it('masks phones and e-mails in every string, the event and child bindings included', () => {
    const out = collecting();
    const log = createLogger({ destination: out.destination }).child({ conversation: 'whatsapp:79991234567' });
    log.warn('guest wrote 8 999 123-45-67', { text: 'пишите на ivan.petrov@mail.ru', nested: { list: ['+7 (999) 123-45-67'] } });
    const line = out.lines.join('');
    expect(line).not.to.match(/1234567|ivan\.petrov/);
    expect(out.parsed()[0]).to.deep.include({ conversation: conversationLogId('whatsapp:79991234567'), msg: 'guest wrote +7 *** ***-**-67', text: 'пишите на i***@mail.ru' });
  });

  it('prints a conversation id as its channel and a short hash, the same on every line', () => {
    const out = collecting();
    const log = createLogger({ destination: out.destination });
    log.info('delivery.inbox.duplicate', { conversation: 'whatsapp:4915123456789' });
    log.warn('delivery.outbox.retry', { conversationId: 'whatsapp:4915123456789' });
    expect(out.lines.join('')).not.to.include('4915123456789');
    const [first, second] = out.parsed();
    expect(first.conversation).to.match(/^whatsapp#[0-9a-f]{12}$/);
    expect(second.conversationId).to.equal(first.conversation);
    expect(conversationLogId('whatsapp:4915123456790')).not.to.equal(first.conversation);
  });

  it('never prints a secret: fields named like one, and the values it was given anywhere', () => {
    const out = collecting();
    const log = createLogger({ destination: out.destination, secrets: [KEY] });
    log.error('llm.failure', { apiKey: KEY, headers: { authorization: `Bearer ${KEY}` }, message: `401 Incorrect API key provided: ${KEY}`, error: new Error(`bad key ${KEY}`) });
    expect(out.lines.join('')).not.to.include(KEY);
    const [line] = out.parsed();
    expect(line).to.deep.include({ apiKey: '[secret]', message: '401 Incorrect API key provided: ***' });
    expect(line.headers).to.deep.equal({ authorization: '[secret]' });
    expect(line.error).to.deep.equal({ type: 'Error', message: 'bad key ***' });
  });

  it('keeps fields that only look like secrets by part of their name', () => {
    expect(scrubForLog({ maxTokens: 400, tokensUsed: 12 }, [])).to.deep.equal({ maxTokens: 400, tokensUsed: 12 });
  });

  it('prints nothing below its level, and survives cycles', () => {
    const out = collecting();
    const log = createLogger({ destination: out.destination, level: 'warn' });
    log.info('quiet');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    log.warn('loud', { cyclic });
    expect(out.parsed().map((l) => l.msg)).to.deep.equal(['loud']);
    expect(out.parsed()[0].cyclic).to.deep.equal({ a: 1, self: '[circular]' });
  });

  it('has a silent logger for when nothing should be printed', () => {
    expect(() => silentLogger.child({ a: 1 }).error('x', { y: 2 })).not.to.throw();
  });
});

describe('loggerFromEnv', () => {
  it('reads COCO_LOG_LEVEL and keeps every key-like variable out of the output', () => {
    const out = collecting();
    const log = loggerFromEnv({ COCO_LOG_LEVEL: 'debug', OPENAI_API_KEY: KEY, TELEGRAM_BOT_TOKEN: '123456:ABCdef' }, { destination: out.destination });
    log.debug('settings', { note: `key ${KEY} token 123456:ABCdef` });
    expect(out.parsed()[0]).to.deep.include({ level: 'debug', note: 'key *** token ***' });
  });

  it('refuses an unknown level, naming the variable', () => {
    expect(() => loggerFromEnv({ COCO_LOG_LEVEL: 'loud' })).to.throw(ConfigError, /COCO_LOG_LEVEL: unknown level "loud"/);
  });
});

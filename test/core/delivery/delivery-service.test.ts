import { expect } from 'chai';
import { DeliveryService } from '../../../core/delivery';
import { SendError } from '../../../common';
import { echoEngine, emptyLog, manualTime, memoryDb, recordingSender } from './fakes';

const web = (userId: string, text: string, messageId?: string) => ({ channel: 'web', userId, text, ...(messageId ? { messageId } : {}) });

describe('DeliveryService', () => {
  it('stores the message in the inbox before the turn runs, and answers through the channel sender', async () => {
    const db = memoryDb();
    const engine = echoEngine();
    const sender = recordingSender();
    const delivery = new DeliveryService({ db, engine, store: emptyLog, senders: { web: sender }, clock: manualTime().clock });
    const receipt = delivery.receive(web('a', 'привет', 'm1'));
    expect(db.prepare('SELECT status FROM dlv_inbox').all()).to.deep.equal([{ status: 'pending' }]);
    const turn = await receipt.turn;
    await delivery.idle();
    expect(turn.replies.map((r) => r.text)).to.deep.equal(['re: привет']);
    expect(sender.sent.map((m) => [m.userId, m.reply.text, m.deliveryId])).to.deep.equal([['a', 're: привет', turn.replies[0].id]]);
    expect(db.prepare('SELECT status FROM dlv_outbox').all()).to.deep.equal([{ status: 'sent' }]);
  });

  it('processes a redelivered message once and returns the first delivery’s replies', async () => {
    const engine = echoEngine(() => 5);
    const sender = recordingSender();
    const delivery = new DeliveryService({ db: memoryDb(), engine, store: emptyLog, senders: { web: sender }, clock: manualTime().clock });
    const first = delivery.receive(web('a', 'привет', 'same'));
    const again = delivery.receive(web('a', 'привет', 'same'));
    expect([first.duplicate, again.duplicate]).to.deep.equal([false, true]);
    const [one, two] = await Promise.all([first.turn, again.turn]);
    const later = await delivery.receive(web('a', 'привет', 'same')).turn;
    await delivery.idle();
    expect(engine.handled).to.have.length(1);
    expect(sender.sent).to.have.length(1);
    expect(two.replies).to.deep.equal(one.replies);
    expect(later).to.include({ duplicate: true, processed: true });
    expect(later.replies).to.deep.equal(one.replies);
  });

  it('treats the same message id in two channels as two messages', async () => {
    const engine = echoEngine();
    const delivery = new DeliveryService({ db: memoryDb(), engine, store: emptyLog, senders: { web: recordingSender(), telegram: recordingSender() }, clock: manualTime().clock });
    delivery.receive(web('a', 'x', '1'));
    delivery.receive({ channel: 'telegram', userId: 'a', text: 'x', messageId: '1' });
    await delivery.idle();
    expect(engine.handled).to.have.length(2);
  });

  it('treats the same message id from two guests of one channel as two messages (a web page numbers its own)', async () => {
    const engine = echoEngine();
    const delivery = new DeliveryService({ db: memoryDb(), engine, store: emptyLog, senders: { web: recordingSender() }, clock: manualTime().clock });
    const first = delivery.receive(web('session-a', 'маникюр', '1'));
    const second = delivery.receive(web('session-b', 'педикюр', '1'));
    expect([first.duplicate, second.duplicate]).to.deep.equal([false, false]);
    const [one, two] = await Promise.all([first.turn, second.turn]);
    expect(one.replies.map((r) => r.text)).to.deep.equal(['re: маникюр']);
    expect(two.replies.map((r) => r.text)).to.deep.equal(['re: педикюр']);
    expect(delivery.receive(web('session-b', 'педикюр', '1')).duplicate).to.equal(true);
  });

  it('runs the turns of one conversation one at a time, in arrival order, whatever each takes', async () => {
    const engine = echoEngine(() => Math.floor(Math.random() * 4));
    const sender = recordingSender();
    const delivery = new DeliveryService({ db: memoryDb(), engine, store: emptyLog, senders: { web: sender }, clock: manualTime().clock });
    const texts = Array.from({ length: 20 }, (_, i) => `сообщение ${i + 1}`);
    await Promise.all(texts.map((text) => delivery.receive(web('a', text)).turn));
    await delivery.idle();
    expect(engine.overlapped).to.equal(false);
    expect(engine.handled.map((m) => m.text)).to.deep.equal(texts);
    expect(sender.sent.map((m) => m.reply.text)).to.deep.equal(texts.map((t) => `re: ${t}`));
  });

  it('runs different conversations in parallel: a slow turn does not hold another guest up', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const fast = echoEngine();
    const engine = {
      async handle(message: Parameters<typeof fast.handle>[0]) {
        if (message.userId === 'slow') await blocked;
        return fast.handle(message);
      },
    };
    const delivery = new DeliveryService({ db: memoryDb(), engine, store: emptyLog, senders: { web: recordingSender() }, clock: manualTime().clock });
    const slow = delivery.receive(web('slow', 'долго'));
    const quick = await delivery.receive(web('quick', 'быстро')).turn;
    expect(quick.replies[0].text).to.equal('re: быстро');
    release();
    expect((await slow.turn).replies[0].text).to.equal('re: долго');
  });

  it('retries a failed send with exponential backoff, keeps later replies behind it, and never resends a sent reply', async () => {
    const time = manualTime();
    let failures = 2;
    const sender = recordingSender((m) => (m.reply.text === 're: первое' && failures-- > 0 ? new Error('ECONNRESET') : undefined));
    const delivery = new DeliveryService({
      db: memoryDb(), engine: echoEngine(), store: emptyLog, senders: { web: sender }, clock: time.clock, timers: time.timers, retry: { baseMs: 1000, maxMs: 60_000 },
    });
    await delivery.receive(web('a', 'первое')).turn;
    await delivery.receive(web('a', 'второе')).turn;
    await delivery.idle();
    expect(sender.sent).to.have.length(0);
    expect(time.waiting.map((w) => w.at - time.clock().getTime())).to.deep.equal([1000]);
    time.advance(999);
    await delivery.idle();
    expect(sender.tries).to.have.length(1);
    time.advance(1);
    await delivery.idle();
    expect(time.waiting.map((w) => w.at - time.clock().getTime())).to.deep.equal([2000]);
    time.advance(2000);
    await delivery.idle();
    expect(sender.sent.map((m) => [m.reply.text, m.attempt])).to.deep.equal([['re: первое', 3], ['re: второе', 1]]);
    time.advance(600_000);
    await delivery.idle();
    expect(sender.tries).to.have.length(4);
  });

  it('waits as long as the channel asks (retry after) when it rate-limits', async () => {
    const time = manualTime();
    let limited = true;
    const sender = recordingSender(() => (limited ? ((limited = false), new SendError('429 Too Many Requests', { retryable: true, retryAfterMs: 30_000 })) : undefined));
    const delivery = new DeliveryService({ db: memoryDb(), engine: echoEngine(), store: emptyLog, senders: { web: sender }, clock: time.clock, timers: time.timers });
    await delivery.receive(web('a', 'x')).turn;
    await delivery.idle();
    expect(time.waiting.map((w) => w.at - time.clock().getTime())).to.deep.equal([30_000]);
  });

  it('marks a reply the channel refuses for good as failed and sends the next one', async () => {
    const db = memoryDb();
    const sender = recordingSender((m) => (m.reply.text === 're: плохое' ? new SendError('403 bot was blocked by the user', { retryable: false }) : undefined));
    const delivery = new DeliveryService({ db, engine: echoEngine(), store: emptyLog, senders: { web: sender }, clock: manualTime().clock });
    delivery.receive(web('a', 'плохое'));
    delivery.receive(web('a', 'хорошее'));
    await delivery.idle();
    expect(sender.sent.map((m) => m.reply.text)).to.deep.equal(['re: хорошее']);
    expect(db.prepare('SELECT status, error FROM dlv_outbox ORDER BY id').all()).to.deep.equal([
      { status: 'failed', error: '403 bot was blocked by the user' },
      { status: 'sent', error: null },
    ]);
  });

  it('keeps the replies of a channel without a sender in the outbox instead of dropping them', async () => {
    const db = memoryDb();
    const delivery = new DeliveryService({ db, engine: echoEngine(), store: emptyLog, senders: {}, clock: manualTime().clock });
    await delivery.receive({ channel: 'telegram', userId: '1', text: 'x', messageId: '9' }).turn;
    await delivery.idle();
    expect(db.prepare('SELECT status FROM dlv_outbox').all()).to.deep.equal([{ status: 'pending' }]);
  });

  it('marks a message whose turn keeps failing as failed after three tries, and goes on with the next', async () => {
    const db = memoryDb();
    const echo = echoEngine();
    let tries = 0;
    const engine = { handle: async (m: Parameters<typeof echo.handle>[0]) => (m.text === 'сломано' ? (tries++, Promise.reject(new Error('boom'))) : echo.handle(m)) };
    const delivery = new DeliveryService({ db, engine, store: emptyLog, senders: { web: recordingSender() }, clock: manualTime().clock });
    const broken = delivery.receive(web('a', 'сломано'));
    const next = delivery.receive(web('a', 'дальше'));
    expect(await broken.turn).to.include({ processed: false });
    expect((await next.turn).replies[0].text).to.equal('re: дальше');
    expect(tries).to.equal(3);
    expect(db.prepare('SELECT status, attempts, error FROM dlv_inbox ORDER BY id').all()).to.deep.equal([
      { status: 'failed', attempts: 3, error: 'boom' },
      { status: 'done', attempts: 1, error: null },
    ]);
  });

  it('sends the apology to a guest whose turn keeps failing, once, after the last try', async () => {
    const sender = recordingSender();
    const engine = { handle: async () => Promise.reject(new Error('boom')) };
    const apology = { text: 'Простите, у нас что-то пошло не так.', buttons: [{ title: 'Позвать администратора', payload: '/handover' }], response: 'generic_error' };
    const delivery = new DeliveryService({ db: memoryDb(), engine, store: emptyLog, senders: { web: sender }, clock: manualTime().clock, apology: () => apology });
    const turn = await delivery.receive(web('a', 'сломано', 'm1')).turn;
    await delivery.idle();
    expect(turn).to.include({ processed: false });
    expect(turn.replies.map((r) => r.text)).to.deep.equal([apology.text]);
    expect(sender.sent.map((m) => m.reply)).to.deep.equal([apology]);
    const again = await delivery.receive(web('a', 'сломано', 'm1')).turn;
    expect(again.replies.map((r) => r.text)).to.deep.equal([apology.text]);
    await delivery.idle();
    expect(sender.sent).to.have.length(1);
  });

  it('sends replies no turn produced (staff during a handover) after the ones already waiting', async () => {
    const sender = recordingSender();
    const delivery = new DeliveryService({ db: memoryDb(), engine: echoEngine(), store: emptyLog, senders: { web: sender }, clock: manualTime().clock });
    await delivery.receive(web('a', 'позовите человека')).turn;
    const [staff] = delivery.deliver({ channel: 'web', userId: 'a' }, [{ text: 'Здравствуйте, это Анна, администратор.', buttons: [] }]);
    await delivery.idle();
    expect(sender.sent.map((m) => m.reply.text)).to.deep.equal(['re: позовите человека', 'Здравствуйте, это Анна, администратор.']);
    expect(delivery.outOfTurnReplies('web:a').map((r) => r.id)).to.deep.equal([staff.id]);
  });

  it('refuses a message without a user id with a clear error', () => {
    const delivery = new DeliveryService({ db: memoryDb(), engine: echoEngine(), store: emptyLog, senders: {}, clock: manualTime().clock });
    expect(() => delivery.receive({ channel: 'web', userId: '', text: 'x' })).to.throw(/needs a channel without ":" and a user id/);
  });
});

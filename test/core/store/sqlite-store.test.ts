import { expect } from 'chai';
import Database from 'better-sqlite3';
import {
  ConcurrentUpdateError,
  ConversationNotFoundError,
  createSqliteConversationStore,
  emptyConversationState,
  InvalidConversationKeyError,
  openDatabase,
  OUT_OF_TURN,
  UnserializableValueError,
  type ConversationStore,
  type NewMessage,
} from '../../../core/store';
import { frozenClock, stateWith, tempDatabase, TELEGRAM_GUEST } from './fixtures';

const GUEST = TELEGRAM_GUEST;
const ID = 'telegram:5550001';

function memoryStore(clock = frozenClock()): { db: Database.Database; store: ConversationStore; clock: ReturnType<typeof frozenClock> } {
  const db = new Database(':memory:');
  return { db, store: createSqliteConversationStore(db, { clock: clock.now }), clock };
}

const guestSays = (text: string, extra: Partial<NewMessage> = {}): NewMessage => ({ direction: 'in', text, ...extra });
const assistantSays = (text: string, extra: Partial<NewMessage> = {}): NewMessage => ({ direction: 'out', text, ...extra });

describe('SQLite conversation store', () => {
  describe('load and saveTurn', () => {
    it('returns undefined for a guest who never wrote', () => {
      expect(memoryStore().store.load(GUEST)).to.equal(undefined);
    });

    it('creates a conversation at version 1 with clock times, then bumps the version on every turn', () => {
      const { store, clock } = memoryStore();
      const first = store.saveTurn(GUEST, null, stateWith({ turn: 1 }), [guestSays('привет')]);
      expect(first).to.include({ id: ID, channel: 'telegram', userId: '5550001', version: 1 });
      expect(first.createdAt).to.equal('2026-11-27T09:00:00.000Z');

      clock.advance(60_000);
      const second = store.saveTurn(GUEST, 1, stateWith({ turn: 2 }), [guestSays('запишите на маникюр')]);
      expect(second.version).to.equal(2);
      expect(second.createdAt).to.equal('2026-11-27T09:00:00.000Z');
      expect(second.updatedAt).to.equal('2026-11-27T09:01:00.000Z');
      expect(store.load(GUEST)).to.deep.equal(second);
    });

    it('keeps the state exactly, Cyrillic, emoji, nesting and extra fields included', () => {
      const { store } = memoryStore();
      const state = stateWith({
        stack: [{ flow: 'booking', snapshot: { value: { confirm: 'asking' }, context: { service: ['manicure_gel'], note: 'после 6 😊' } } }],
        slots: { phone: '+79991234567', guest_name: 'Алёна' },
        pending: { kind: 'resume_offer', flow: 'booking' },
        fallbacks: 1,
        turn: 7,
        lastIntent: 'booking',
      });
      store.saveTurn(GUEST, null, state, []);
      expect(store.load(GUEST)!.state).to.deep.equal(state);
    });

    it('returns a copy of what it stored, so later changes to the caller\'s state do not leak in', () => {
      const { store } = memoryStore();
      const state = stateWith({ slots: { branch: 'tverskaya' } });
      store.saveTurn(GUEST, null, state, []);
      state.slots.branch = 'arbat';
      expect(store.load(GUEST)!.state.slots).to.deep.equal({ branch: 'tverskaya' });
    });

    it('keeps conversations of the same user id in different channels apart', () => {
      const { store } = memoryStore();
      store.saveTurn({ channel: 'telegram', userId: '42' }, null, stateWith({ turn: 1 }), []);
      store.saveTurn({ channel: 'whatsapp', userId: '42' }, null, stateWith({ turn: 9 }), []);
      expect(store.load({ channel: 'telegram', userId: '42' })!.state.turn).to.equal(1);
      expect(store.load({ channel: 'whatsapp', userId: '42' })!.state.turn).to.equal(9);
    });

    it('rejects a key with an empty part or a colon in the channel', () => {
      const { store } = memoryStore();
      expect(() => store.load({ channel: '', userId: '1' })).to.throw(InvalidConversationKeyError);
      expect(() => store.saveTurn({ channel: 'tg:x', userId: '1' }, null, emptyConversationState(), [])).to.throw(InvalidConversationKeyError);
      expect(() => store.saveTurn({ channel: 'tg', userId: '' }, null, emptyConversationState(), [])).to.throw(InvalidConversationKeyError);
    });
  });

  describe('version check', () => {
    it('refuses a turn that started from an older version, and writes nothing of it', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({ turn: 1 }), [guestSays('привет')]);
      store.saveTurn(GUEST, 1, stateWith({ turn: 2 }), [guestSays('на маникюр')]);

      const stale = () => store.saveTurn(GUEST, 1, stateWith({ turn: 99 }), [guestSays('опоздавший')]);
      expect(stale).to.throw(ConcurrentUpdateError).with.property('actualVersion', 2);
      expect(store.load(GUEST)!.state.turn).to.equal(2);
      expect(store.messages(ID).map((m) => m.text)).to.deep.equal(['привет', 'на маникюр']);
      expect(store.turns(ID)).to.have.length(2);
    });

    it('refuses to create a conversation that already exists', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({ turn: 1 }), []);
      expect(() => store.saveTurn(GUEST, null, stateWith({ turn: 1 }), []))
        .to.throw(ConcurrentUpdateError)
        .that.includes({ expectedVersion: null, actualVersion: 1 });
    });

    it('refuses to update a conversation that does not exist', () => {
      const { store } = memoryStore();
      expect(() => store.saveTurn(GUEST, 3, stateWith({}), [])).to.throw(ConcurrentUpdateError).with.property('actualVersion', null);
      expect(store.load(GUEST)).to.equal(undefined);
    });

    it('catches two store objects on one database writing the same conversation', () => {
      const db = new Database(':memory:');
      const a = createSqliteConversationStore(db);
      const b = createSqliteConversationStore(db);
      a.saveTurn(GUEST, null, stateWith({ turn: 1 }), []);
      const loadedByA = a.load(GUEST)!;
      const loadedByB = b.load(GUEST)!;
      b.saveTurn(GUEST, loadedByB.version, stateWith({ turn: 2 }), []);
      expect(() => a.saveTurn(GUEST, loadedByA.version, stateWith({ turn: 2 }), [])).to.throw(ConcurrentUpdateError);
    });
  });

  describe('one transaction per turn', () => {
    it('leaves the state unchanged when appending the messages fails', () => {
      const { db, store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({ turn: 1, slots: { service: ['manicure'] } }), [guestSays('маникюр')]);
      // The message insert runs after the conversation row is updated; make it fail as a full disk would.
      db.exec(`CREATE TEMP TRIGGER fail_messages BEFORE INSERT ON conv_messages BEGIN SELECT RAISE(ABORT, 'disk full'); END`);

      expect(() => store.saveTurn(GUEST, 1, stateWith({ turn: 2, slots: { service: ['pedicure'] } }), [guestSays('нет, педикюр')])).to.throw(
        /disk full/,
      );
      const after = store.load(GUEST)!;
      expect(after.version).to.equal(1);
      expect(after.state.slots).to.deep.equal({ service: ['manicure'] });
      expect(store.turns(ID)).to.have.length(1);

      db.exec('DROP TRIGGER temp.fail_messages');
      expect(store.saveTurn(GUEST, 1, stateWith({ turn: 2 }), [guestSays('нет, педикюр')]).version).to.equal(2);
      expect(store.messages(ID).map((m) => [m.seq, m.turn, m.text])).to.deep.equal([
        [1, 1, 'маникюр'],
        [2, 2, 'нет, педикюр'],
      ]);
    });

    it('leaves everything unchanged when a message cannot be stored as JSON', () => {
      const { store } = memoryStore();
      const meta: Record<string, unknown> = {};
      meta.self = meta;
      expect(() => store.saveTurn(GUEST, null, stateWith({ turn: 1 }), [guestSays('привет'), assistantSays('Здравствуйте!', { meta })]))
        .to.throw(UnserializableValueError)
        .with.property('what', 'message 2 of the turn');
      expect(store.load(GUEST)).to.equal(undefined);
      expect(store.messages(ID)).to.deep.equal([]);
    });

    it('refuses a state that is not JSON (a BigInt) without writing', () => {
      const { store } = memoryStore();
      expect(() => store.saveTurn(GUEST, null, stateWith({ slots: { clientId: 10n } }), [])).to.throw(UnserializableValueError, /the state/);
      expect(store.load(GUEST)).to.equal(undefined);
    });
  });

  describe('message log', () => {
    const inbound: NewMessage = {
      direction: 'in',
      at: '2026-11-27T08:59:58.000Z',
      text: 'запишите плз на ноготочки в пт после 6',
      messageId: 'tg-101',
      attachments: [{ type: 'image', fileId: 'AgAD', mimeType: 'image/jpeg' }],
      parse: {
        intent: { name: 'booking', confidence: 0.93 },
        ranking: [
          { name: 'booking', confidence: 0.93 },
          { name: 'price', confidence: 0.04 },
        ],
        entities: [{ entity: 'service', value: 'manicure', start: 15, end: 25, text: 'ноготочки', extractor: 'catalog', confidence: 0.9 }],
      },
    };
    const reply: NewMessage = {
      direction: 'out',
      text: 'В какой салон вам удобнее?',
      response: 'ask_branch',
      buttons: [
        { title: 'Тверская', payload: '/slot branch=tverskaya' },
        { title: 'Арбат', payload: '/slot branch=arbat' },
      ],
      meta: { llm: false },
    };

    it('reads back every field of the guest\'s message and the reply, numbered in order, with clock time for the reply', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({ turn: 1 }), [inbound, reply]);
      const [guest, assistant] = store.messages(ID);
      expect(guest).to.deep.equal({ ...inbound, conversationId: ID, seq: 1, turn: 1 });
      expect(assistant).to.deep.equal({ ...reply, conversationId: ID, seq: 2, turn: 1, at: '2026-11-27T09:00:00.000Z' });
    });

    it('logs a button press as its payload', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({}), [{ direction: 'in', payload: '/slot branch=arbat', text: 'Арбат' }]);
      expect(store.messages(ID)[0]).to.include({ payload: '/slot branch=arbat', text: 'Арбат', direction: 'in' });
    });

    it('keeps an empty text apart from no text', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({}), [guestSays(''), { direction: 'in', attachments: [{ type: 'image' }] }]);
      const [empty, photo] = store.messages(ID);
      expect(empty.text).to.equal('');
      expect(photo).to.not.have.property('text');
    });

    it('pages forward with afterSeq and limit, and gives the newest with last, always oldest first', () => {
      const { store } = memoryStore();
      let version: number | null = null;
      for (let turn = 1; turn <= 5; turn++) {
        version = store.saveTurn(GUEST, version, stateWith({ turn }), [guestSays(`вопрос ${turn}`), assistantSays(`ответ ${turn}`)]).version;
      }
      const texts = (page: Parameters<ConversationStore['messages']>[1]) => store.messages(ID, page).map((m) => m.text);
      expect(store.messages(ID).map((m) => m.seq)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(texts({ limit: 3 })).to.deep.equal(['вопрос 1', 'ответ 1', 'вопрос 2']);
      expect(texts({ afterSeq: 3, limit: 3 })).to.deep.equal(['ответ 2', 'вопрос 3', 'ответ 3']);
      expect(texts({ afterSeq: 10 })).to.deep.equal([]);
      expect(texts({ last: 3 })).to.deep.equal(['ответ 4', 'вопрос 5', 'ответ 5']);
      expect(texts({ limit: 0 })).to.deep.equal([]);
      expect(() => store.messages(ID, { limit: -1 })).to.throw(RangeError);
    });

    it('numbers each conversation\'s messages on its own', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({}), [guestSays('a'), assistantSays('b')]);
      store.saveTurn({ channel: 'web', userId: 'x' }, null, stateWith({}), [guestSays('c')]);
      expect(store.messages('web:x').map((m) => [m.seq, m.text])).to.deep.equal([[1, 'c']]);
      expect(store.messages('nobody:1')).to.deep.equal([]);
    });
  });

  describe('turn records', () => {
    it('records the flow, awaited slot and slots the dialogue manager reports, with the version written', () => {
      const { store } = memoryStore();
      const state = stateWith({ stack: [{ flow: 'booking', snapshot: {} }], slots: { phone: '+79991234567' } });
      store.saveTurn(GUEST, null, state, [guestSays('на маникюр')], {
        awaiting: 'branch',
        slots: { phone: '+79991234567', service: ['manicure'] },
        meta: { digression: false },
      });
      expect(store.turns(ID)).to.deep.equal([
        {
          conversationId: ID,
          turn: 1,
          version: 1,
          at: '2026-11-27T09:00:00.000Z',
          flow: 'booking',
          awaiting: 'branch',
          slots: { phone: '+79991234567', service: ['manicure'] },
          handedOver: false,
          meta: { digression: false },
        },
      ]);
    });

    it('takes the flow from the top of the stack and the conversation\'s slots when the outcome is left out', () => {
      const { store } = memoryStore();
      const state = stateWith({
        stack: [
          { flow: 'booking', snapshot: {} },
          { flow: 'faq', snapshot: {} },
        ],
        slots: { guest_name: 'Ира' },
      });
      store.saveTurn(GUEST, null, state, []);
      expect(store.turns(ID)[0]).to.include({ flow: 'faq', awaiting: null, handedOver: false });
      expect(store.turns(ID)[0].slots).to.deep.equal({ guest_name: 'Ира' });
    });

    it('records a turn that ends with no flow and a handover', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({ handedOver: { reason: 'guest asked', at: '2026-11-27T09:00:00.000Z' } }), [], { flow: null });
      expect(store.turns(ID)[0]).to.include({ flow: null, handedOver: true });
    });

    it('pages turns with afterTurn, limit and last', () => {
      const { store } = memoryStore();
      let version: number | null = null;
      for (let turn = 1; turn <= 4; turn++) version = store.saveTurn(GUEST, version, stateWith({}), []).version;
      expect(store.turns(ID, { afterTurn: 1, limit: 2 }).map((t) => t.turn)).to.deep.equal([2, 3]);
      expect(store.turns(ID, { last: 1 }).map((t) => t.turn)).to.deep.equal([4]);
    });
  });

  describe('messages outside a turn', () => {
    it('appends an administrator\'s reply to the log after the turns, as turn 0, leaving state and version alone', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({ handedOver: { reason: 'guest_asked', at: '2026-11-27T09:05:00.000Z' } }), [guestSays('позовите администратора'), assistantSays('Передаём администратору')]);
      const logged = store.logOutOfTurn(GUEST, [assistantSays('Здравствуйте! Это Мария, администратор.', { meta: { from: 'staff' } })]);
      expect(logged).to.deep.equal([{ conversationId: ID, seq: 3, turn: OUT_OF_TURN, direction: 'out', at: logged[0].at, text: 'Здравствуйте! Это Мария, администратор.', meta: { from: 'staff' } }]);
      expect(store.messages(ID).map((m) => [m.seq, m.turn])).to.deep.equal([[1, 1], [2, 1], [3, 0]]);
      expect(store.load(GUEST)!.version).to.equal(1);
      // The next turn numbers its messages after it.
      store.saveTurn(GUEST, 1, stateWith({}), [guestSays('спасибо')]);
      expect(store.messages(ID).map((m) => [m.seq, m.turn])).to.deep.equal([[1, 1], [2, 1], [3, 0], [4, 2]]);
    });

    it('refuses a conversation the guest never started', () => {
      const { store } = memoryStore();
      expect(() => store.logOutOfTurn(GUEST, [assistantSays('Здравствуйте!')])).to.throw(ConversationNotFoundError);
    });
  });

  describe('handover and list', () => {
    it('hands a conversation over and back from outside a turn, bumping the version', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({ slots: { branch: 'arbat' } }), []);
      const handover = { reason: 'complaint', at: '2026-11-27T09:05:00.000Z' };
      const handed = store.setHandedOver(GUEST, handover);
      expect(handed.version).to.equal(2);
      expect(store.load(GUEST)!.state).to.deep.include({ handedOver: handover, slots: { branch: 'arbat' } });
      expect(store.list({ handedOver: true }).map((c) => c.id)).to.deep.equal([ID]);

      store.setHandedOver(GUEST, null);
      expect(store.load(GUEST)!.state.handedOver).to.equal(null);
      expect(store.list({ handedOver: true })).to.deep.equal([]);
    });

    it('makes a turn that loaded before the handover fail its save', () => {
      const { store } = memoryStore();
      store.saveTurn(GUEST, null, stateWith({}), []);
      const loaded = store.load(GUEST)!;
      store.setHandedOver(GUEST, { reason: 'staff took over', at: '2026-11-27T09:05:00.000Z' });
      expect(() => store.saveTurn(GUEST, loaded.version, stateWith({ turn: 2 }), [])).to.throw(ConcurrentUpdateError);
    });

    it('refuses to hand over a conversation that does not exist', () => {
      expect(() => memoryStore().store.setHandedOver(GUEST, null)).to.throw(ConversationNotFoundError);
    });

    it('lists conversations most recently updated first, filtered by handover and channel', () => {
      const { store, clock } = memoryStore();
      store.saveTurn({ channel: 'telegram', userId: '1' }, null, stateWith({}), []);
      clock.advance(1000);
      store.saveTurn({ channel: 'whatsapp', userId: '2' }, null, stateWith({ handedOver: { reason: 'x', at: 'y' } }), []);
      clock.advance(1000);
      store.saveTurn({ channel: 'telegram', userId: '1' }, 1, stateWith({}), []);

      expect(store.list().map((c) => c.id)).to.deep.equal(['telegram:1', 'whatsapp:2']);
      expect(store.list({ limit: 1 }).map((c) => c.id)).to.deep.equal(['telegram:1']);
      expect(store.list({ handedOver: false }).map((c) => c.id)).to.deep.equal(['telegram:1']);
      expect(store.list({ handedOver: true }).map((c) => c.id)).to.deep.equal(['whatsapp:2']);
      expect(store.list({ channel: 'whatsapp' }).map((c) => c.id)).to.deep.equal(['whatsapp:2']);
    });
  });

  describe('on a database file', () => {
    let file: ReturnType<typeof tempDatabase>;
    beforeEach(() => (file = tempDatabase()));
    afterEach(() => file.remove());

    it('runs in WAL mode, and a second connection reads committed turns while the first stays open', () => {
      const writer = openDatabase(file.path);
      expect(writer.pragma('journal_mode', { simple: true })).to.equal('wal');
      const store = createSqliteConversationStore(writer);
      store.saveTurn(GUEST, null, stateWith({ turn: 1 }), [guestSays('привет')]);

      const reader = openDatabase(file.path);
      expect(createSqliteConversationStore(reader).load(GUEST)!.state.turn).to.equal(1);
      reader.close();
      writer.close();
    });

    it('gives a new store object on a reopened file the same conversation, log and turns', () => {
      const clock = frozenClock();
      const first = openDatabase(file.path);
      const before = createSqliteConversationStore(first, { clock: clock.now });
      const state = stateWith({ stack: [{ flow: 'booking', snapshot: { value: 'collect_branch' } }], slots: { phone: '+79991234567' }, turn: 1 });
      const saved = before.saveTurn(GUEST, null, state, [guestSays('на маникюр'), assistantSays('В какой салон?', { response: 'ask_branch' })]);
      const messages = before.messages(ID);
      const turns = before.turns(ID);
      first.close();

      const after = createSqliteConversationStore(openDatabase(file.path), { clock: clock.now });
      expect(after.load(GUEST)).to.deep.equal(saved);
      expect(after.messages(ID)).to.deep.equal(messages);
      expect(after.turns(ID)).to.deep.equal(turns);
    });
  });
});

import { expect } from 'chai';
import { CocoError } from '../../../common/errors';
import { UnknownResponseError, parseResponses, type Responses } from '../../../core/responses';

/** Responses from inline YAML, one line per array item. */
function responsesFrom(...lines: string[]): Responses {
  return parseResponses(lines.join('\n'), 'content/responses.yaml');
}

const responses = responsesFrom(
  'booking_confirmed:',
  '  text: "Готово, {guest_name}! Ждём вас {slot_time} в салоне {branch_name} ({branch_address}) 🌸"',
  'greet:',
  '  text:',
  '    - "Здравствуйте, {guest_name}! Чем можем помочь?"',
  '    - "Здравствуйте! Чем можем помочь?"',
  '    - "Добрый день! Чем можем помочь?"',
  'ask_service:',
  '  text: "На какую услугу вас записать? 💅"',
  'confirm_cancel:',
  '  text: "Отменяем запись: {booking_summary}. Верно?"',
  '  buttons:',
  '    - { title: "Да, отменить", payload: "/slot confirmed=true" }',
  '    - { title: "Нет, {guest_name}", payload: "/slot confirmed=false" }',
  'summary:',
  '  text: |-',
  '    Мастер {master_name}: {service_names} — {price}',
  '    {guest_name}, всё верно?',
);

const BOOKING = { guest_name: 'Анна', slot_time: 'пт, 27 ноября, 18:00', branch_name: '«Тверская»', branch_address: 'ул. Тверская, 12' };

describe('Responses', () => {
  describe('render', () => {
    it('fills every variable of a single text', () => {
      expect(responses.render('booking_confirmed', BOOKING)).to.equal('Готово, Анна! Ждём вас пт, 27 ноября, 18:00 в салоне «Тверская» (ул. Тверская, 12) 🌸');
    });

    it('says a text without variables as written', () => {
      expect(responses.render('ask_service', {})).to.equal('На какую услугу вас записать? 💅');
    });

    it('shows numbers as they are', () => {
      const loaded = responsesFrom('t:', '  text: "Номер {ticket_id}."');
      expect(loaded.render('t', { ticket_id: 1042 })).to.equal('Номер 1042.');
    });

    it('takes the variant numbered by `variant`, modulo their count', () => {
      const vars = { guest_name: 'Анна' };
      expect([0, 1, 2, 3, -1].map((variant) => responses.render('greet', vars, { variant }))).to.deep.equal([
        'Здравствуйте, Анна! Чем можем помочь?',
        'Здравствуйте! Чем можем помочь?',
        'Добрый день! Чем можем помочь?',
        'Здравствуйте, Анна! Чем можем помочь?',
        'Добрый день! Чем можем помочь?',
      ]);
    });

    it('says the first variant without a variant number', () => {
      expect(responses.render('greet', { guest_name: 'Анна' })).to.equal('Здравствуйте, Анна! Чем можем помочь?');
    });

    it('takes turns only among the variants whose variables are known', () => {
      expect([0, 1, 2].map((variant) => responses.render('greet', {}, { variant }))).to.deep.equal([
        'Здравствуйте! Чем можем помочь?',
        'Добрый день! Чем можем помочь?',
        'Здравствуйте! Чем можем помочь?',
      ]);
    });

    it('renders a missing variable as empty, tidies the text around it and reports it', () => {
      const missing: Array<[string, string]> = [];
      const text = responses.render('booking_confirmed', { slot_time: 'завтра, 25 ноября, 18:00' }, { onMissing: (name, key) => missing.push([name, key]) });
      expect(text).to.equal('Готово! Ждём вас завтра, 25 ноября, 18:00 в салоне 🌸');
      expect(missing).to.deep.equal([['guest_name', 'booking_confirmed'], ['branch_name', 'booking_confirmed'], ['branch_address', 'booking_confirmed']]);
    });

    it('treats empty text, null, NaN and objects as missing', () => {
      const missing: string[] = [];
      responses.render('booking_confirmed', { guest_name: ' ', slot_time: null, branch_name: Number.NaN, branch_address: { street: 'Тверская' } }, { onMissing: (name) => missing.push(name) });
      expect(missing).to.deep.equal(['guest_name', 'slot_time', 'branch_name', 'branch_address']);
    });

    it('reports a variable used twice only once', () => {
      const loaded = responsesFrom('t:', '  text: "{guest_name} и ещё раз {guest_name}."');
      const missing: string[] = [];
      loaded.render('t', {}, { onMissing: (name) => missing.push(name) });
      expect(missing).to.deep.equal(['guest_name']);
    });

    it('capitalises a line that began with a missing variable', () => {
      expect(responses.render('summary', { master_name: 'Ольга Смирнова', service_names: 'маникюр', price: '2 900 ₽' }))
        .to.equal('Мастер Ольга Смирнова: маникюр — 2 900 ₽\nВсё верно?');
    });

    it('throws UnknownResponseError, a CocoError, with a suggestion for an unknown key', () => {
      let error: unknown;
      try {
        responses.render('ask_servise', {});
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(UnknownResponseError).and.instanceOf(CocoError);
      expect((error as UnknownResponseError).key).to.equal('ask_servise');
      expect((error as Error).message).to.match(/unknown response "ask_servise"[^]*did you mean "ask_service"/);
    });
  });

  describe('buttons', () => {
    it('gives the response\'s buttons with their titles filled', () => {
      expect(responses.buttons('confirm_cancel', { guest_name: 'Анна' })).to.deep.equal([
        { title: 'Да, отменить', payload: '/slot confirmed=true' },
        { title: 'Нет, Анна', payload: '/slot confirmed=false' },
      ]);
    });

    it('gives no buttons for a response without them', () => {
      expect(responses.buttons('ask_service')).to.deep.equal([]);
    });

    it('throws UnknownResponseError for an unknown key', () => {
      expect(() => responses.buttons('nope')).to.throw(UnknownResponseError);
    });
  });

  describe('has, keys, lineOf, get', () => {
    it('lists the keys in file order with their lines', () => {
      expect(responses.keys()).to.deep.equal(['booking_confirmed', 'greet', 'ask_service', 'confirm_cancel', 'summary']);
      expect(responses.keys().map((key) => responses.lineOf(key))).to.deep.equal([1, 3, 8, 10, 15]);
      expect(responses.has('greet')).to.equal(true);
      expect(responses.has('nope')).to.equal(false);
    });

    it('describes a response with the variables of its variants and buttons', () => {
      expect(responses.get('confirm_cancel')).to.deep.equal({
        key: 'confirm_cancel',
        line: 10,
        texts: ['Отменяем запись: {booking_summary}. Верно?'],
        variables: ['booking_summary', 'guest_name'],
        rephrase: false,
        buttons: [{ title: 'Да, отменить', payload: '/slot confirmed=true' }, { title: 'Нет, {guest_name}', payload: '/slot confirmed=false' }],
      });
    });

    it('throws UnknownResponseError from get for an unknown key', () => {
      expect(() => responses.get('nope')).to.throw(UnknownResponseError);
    });
  });
});

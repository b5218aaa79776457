/**
 * The dialogue policy as rules: what a message read in its context means, as the ordered commands the
 * processor applies. Each rule is checked on the readings it decides and on those it must leave alone.
 */
import { expect } from 'chai';
import { interpret } from '../../../../core/dialogue/interpret/interpret';
import { reading, said } from './reading';

const inBooking = { active: 'booking', awaiting: 'master' };

describe('the dialogue policy', () => {
  describe('a button the assistant did not offer', () => {
    it('is refused, whatever else the message means', () => {
      const r = reading(said('', 'handover', 1, { payload: { kind: 'handover' } }), { refusedPayload: '/slot client="C2"' });
      expect(interpret(r)).to.deep.equal([{ kind: 'refuse_button', payload: '/slot client="C2"' }]);
    });
  });

  describe('the answer to «вернёмся к записи?»', () => {
    const pending = { kind: 'resume', flow: 'booking' } as const;
    it('«да» takes the flow up and asks its question again', () => {
      expect(interpret(reading(said('да', 'affirm'), { ...inBooking, pending }))).to.deep.equal([{ kind: 'resume_flow', flow: 'booking', askAgain: true }]);
    });
    it('«нет» ends it and says what else we can do', () => {
      expect(interpret(reading(said('нет', 'deny'), { ...inBooking, pending }))).to.deep.equal([{ kind: 'cancel_flow', then: 'how_can_we_help' }]);
    });
    it('an answer to the flow\'s question takes the flow up silently and answers it', () => {
      const r = reading(said('к Ольге', 'inform'), { ...inBooking, pending, values: { master: 'olga' } });
      expect(interpret(r)).to.deep.equal([{ kind: 'resume_flow', flow: 'booking', askAgain: false }, { kind: 'set_slots', values: { master: 'olga' }, corrects: [] }]);
    });
  });

  describe('a guest holding the floor inside a flow', () => {
    for (const [text, intent] of [['одну минуту', 'greet'], ['щас гляну', 'out_of_scope'], ['мм', 'stop'], ['секундочку, сверюсь с календарем', 'thanks']] as const) {
      it(`«${text}» is no answer and no request, whatever the classifier guesses (${intent})`, () => {
        expect(interpret(reading(said(text, intent, 0.9), { ...inBooking, slots: { service: ['manicure_gel'] } }))).to.deep.equal([{ kind: 'cannot_handle' }]);
      });
    }
    it('«минутку, стоп» still stops', () => {
      expect(interpret(reading(said('минутку, стоп', 'stop'), { ...inBooking, slots: { service: ['manicure_gel'] } }))).to.deep.equal([{ kind: 'cancel_flow', then: 'stopped' }]);
    });
  });

  describe('«стоп» inside a flow', () => {
    const progress = { ...inBooking, slots: { service: ['manicure_gel'] } };
    it('said outright ends the flow', () => {
      expect(interpret(reading(said('всё, передумала', 'stop'), progress))).to.deep.equal([{ kind: 'cancel_flow', then: 'stopped' }]);
    });
    it('guessed by the classifier, when the guest has chosen something, is asked about: «Отменить запись?»', () => {
      expect(interpret(reading(said('ну я даже не знаю теперь', 'stop', 0.7), progress))).to.deep.equal([{ kind: 'confirm_cancel', flow: 'booking' }]);
    });
    it('guessed, before anything was chosen, ends the flow (what the actions computed is no progress)', () => {
      expect(interpret(reading(said('ну я даже не знаю теперь', 'stop', 0.7), { ...inBooking, slots: { slot_options: [] } }))).to.deep.equal([{ kind: 'cancel_flow', then: 'stopped' }]);
    });
    it('is not a stop when it is a value of the awaited slot («не важно» at the master question)', () => {
      const r = reading(said('не важно', 'stop', 0.82), { ...progress, valueAnswer: true, values: { master: 'any' } });
      expect(interpret(r)).to.deep.equal([{ kind: 'set_slots', values: { master: 'any' }, corrects: [] }]);
    });
    it('«да» to «Отменить запись?» ends the flow; «нет» asks the question again', () => {
      const pending = { kind: 'confirm_stop', flow: 'booking' } as const;
      expect(interpret(reading(said('да', 'affirm'), { ...progress, pending }))).to.deep.equal([{ kind: 'cancel_flow', then: 'stopped' }]);
      expect(interpret(reading(said('нет', 'deny'), { ...progress, pending }))).to.deep.equal([{ kind: 'repeat_question' }]);
    });
  });

  describe('another request inside a flow', () => {
    it('interrupts it', () => {
      expect(interpret(reading(said('хочу отменить запись на завтра', 'cancel'), inBooking))).to.deep.equal([{ kind: 'start_flow', flow: 'cancel', interrupts: 'booking' }]);
    });
    it('does not when the message only names values of the flow', () => {
      const r = reading(said('маникюр', 'complaint', 0.6), { ...inBooking, answersOnly: true, values: { service: ['manicure'] } });
      expect(interpret(r)).to.deep.equal([{ kind: 'set_slots', values: { service: ['manicure'] }, corrects: [] }]);
    });
    it('does not when the awaited slot takes the story as it is', () => {
      const r = reading(said('мастер нагрубила, хочу отменить', 'cancel'), { active: 'complaint', awaiting: 'description', freeTextAwaited: true, values: { description: 'мастер нагрубила, хочу отменить' } });
      expect(interpret(r)[0]).to.include({ kind: 'set_slots' });
    });
  });

  describe('a question in passing', () => {
    it('is answered, then the flow asks its question again', () => {
      expect(interpret(reading(said('а парковка есть?', 'faq'), inBooking))).to.deep.equal([{ kind: 'answer_question', inPassing: true }, { kind: 'repeat_question' }]);
    });
    it('what sounds like small talk is asked of the FAQ first, «не подскажем» only when it has nothing', () => {
      expect(interpret(reading(said('а сколько это будет стоить?', 'out_of_scope'), inBooking))).to.deep.equal([{ kind: 'answer_question', inPassing: true, otherwise: 'out_of_scope' }, { kind: 'repeat_question' }]);
      expect(interpret(reading(said('какая завтра погода?', 'out_of_scope')))).to.deep.equal([{ kind: 'answer_question', inPassing: false, otherwise: 'out_of_scope' }]);
    });
    it('a greeting that names values fills them', () => {
      const r = reading(said('здравствуйте, к Ольге', 'greet'), { ...inBooking, values: { master: 'olga' } });
      expect(interpret(r)).to.deep.equal([{ kind: 'set_slots', values: { master: 'olga' }, corrects: [], inPassing: true }]);
    });
  });

  describe('the answer to the question asked', () => {
    it('a value that changes one given before is a correction', () => {
      const r = reading(said('нет, лучше к Марине', 'inform'), { ...inBooking, slots: { master: 'olga' }, values: { master: 'marina' } });
      expect(interpret(r)).to.deep.equal([{ kind: 'set_slots', values: { master: 'marina' }, corrects: ['master'] }]);
    });
    it('values for the calling flow are kept for it', () => {
      const r = reading(said('на Тверской', 'inform'), { active: 'identify', awaiting: 'phone', forCaller: { branch: 'tverskaya' } });
      expect(interpret(r)).to.deep.equal([{ kind: 'carry_to_caller', values: { branch: 'tverskaya' } }, { kind: 'cannot_handle' }]);
    });
    it('nothing usable: the flow asks again', () => {
      expect(interpret(reading(said('ээ', 'nlu_fallback', 0.2), inBooking))).to.deep.equal([{ kind: 'cannot_handle' }]);
    });
  });

  describe('outside a flow', () => {
    it('a person asked for is handed over', () => {
      expect(interpret(reading(said('позовите человека', 'handover')))).to.deep.equal([{ kind: 'hand_over' }]);
    });
    it('a request starts its flow', () => {
      expect(interpret(reading(said('запишите на маникюр', 'booking')))).to.deep.equal([{ kind: 'start_flow', flow: 'booking' }]);
    });
    it('a message naming only a service («а маникюр можно?») asks to book it', () => {
      const u = said('а маникюр можно?', 'inform', 0.9, { entities: [{ entity: 'service', value: 'manicure', start: 2, end: 9, confidence: 1 }] as never });
      expect(interpret(reading(u))).to.deep.equal([{ kind: 'start_flow', flow: 'booking' }]);
    });
    it('a question is answered with a person offered; a greeting is greeted', () => {
      expect(interpret(reading(said('где вы находитесь?', 'faq')))).to.deep.equal([{ kind: 'answer_question', inPassing: false }]);
      expect(interpret(reading(said('привет', 'greet')))).to.deep.equal([{ kind: 'chit_chat', response: 'greet', inPassing: false }]);
    });
    it('what we cannot tell is clarified once with the likeliest intents, then handed on', () => {
      const u = said('ммм ну это', 'nlu_fallback', 0.3, { ranking: [{ name: 'booking', confidence: 0.3 }, { name: 'handover', confidence: 0.2 }, { name: 'faq', confidence: 0.1 }] });
      expect(interpret(reading(u))).to.deep.equal([{ kind: 'clarify', intents: ['booking', 'faq'] }]);
      expect(interpret(reading(u, { pending: { kind: 'clarify' }, fallbacks: 1 }))).to.deep.equal([{ kind: 'cannot_handle' }]);
    });
  });
});

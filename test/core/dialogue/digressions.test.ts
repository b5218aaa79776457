/**
 * What the dialogue manager does around the flows: questions in passing, switching to another flow
 * and coming back, corrections of earlier answers, and stopping.
 */
import { expect } from 'chai';
import { conversation, offersOf, PHONES, reachableClients, TEST_CODE, type Conversation } from './conversation';

describe('digressions, switching, corrections and stopping', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  /** A guest in the middle of a booking, asked for the branch. */
  async function askedForBranch(user: string, knownAs?: string): Promise<Conversation> {
    chat = await conversation({ user, knownAs, identity: reachableClients() });
    await chat.says('запишите на маникюр');
    expect(chat.last.awaiting).to.equal('branch');
    return chat;
  }

  describe('a digression', () => {
    it('answers a price question from the FAQ and asks the pending question again, choosing nothing', async () => {
      await askedForBranch('price');
      await chat.says('сколько стоит педикюр?');
      expect(chat.last.intent).to.equal('faq');
      expect(chat.responses()).to.deep.equal(['faq:price_pedicure_gel', 'ask_branch']);
      expect(chat.replyText()).to.contain('₽');
      expect(chat.last.events).to.deep.include({ type: 'digression', intent: 'faq' });
      expect(chat.last).to.include({ flow: 'booking', awaiting: 'branch' });
      expect(chat.last.slots.service).to.deep.equal(['manicure_gel']);
    });

    it('answers where a branch is and asks the pending question again, without choosing the branch', async () => {
      await askedForBranch('where');
      await chat.says('где вы находитесь на патриках');
      expect(chat.responses()[0]).to.match(/^faq:/);
      expect(chat.responses().at(-1)).to.equal('ask_branch');
      expect(chat.replyText()).to.contain('«Патриаршие»');
      expect(chat.last.awaiting).to.equal('branch');
      expect(chat.last.slots.branch).to.equal(undefined);
    });

    it('greets back and asks the pending question again', async () => {
      await askedForBranch('hello');
      await chat.says('привет');
      expect(chat.responses()).to.deep.equal(['greet', 'ask_branch']);
      expect(chat.last.awaiting).to.equal('branch');
    });

    it('answers thanks in the middle of the last questions, then asks again', async () => {
      chat = await conversation({ user: 'thanks' });
      await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу после 6');
      await chat.presses(chat.buttons()[0].payload);
      expect(chat.last.awaiting).to.equal('guest_name');
      await chat.says('спасибо');
      expect(chat.responses()).to.deep.equal(['thanks', 'ask_guest_name']);
      expect(chat.last.slots.guest_name).to.equal(undefined);
      await chat.says('сколько стоит педикюр?');
      expect(chat.responses()).to.deep.equal(['faq:price_pedicure_gel', 'ask_guest_name']);
      expect(chat.last.slots.guest_name).to.equal(undefined);
    });
  });

  describe('switching', () => {
    it('starts a cancellation in the middle of a booking, then offers to come back and continues where it was', async () => {
      await askedForBranch('switcher');
      await chat.presses('/slot branch=tverskaya');
      expect(chat.last.awaiting).to.equal('master');
      await chat.says('хочу отменить запись');
      expect(chat.last.events).to.deep.include({ type: 'flow_interrupted', flow: 'booking', by: 'cancel' });
      expect(chat.last).to.include({ flow: 'identify', awaiting: 'phone' });
      await chat.says('+79990000001');
      expect(chat.responses()).to.deep.equal(['ask_identity_code']);
      await chat.says(TEST_CODE);
      expect(chat.responses()).to.deep.equal(['confirm_cancel']);
      await chat.says('нет');
      expect(chat.responses()).to.deep.equal(['cancel_kept', 'resume_offer']);
      expect(chat.replyText()).to.contain('Вернёмся к записи?');
      expect(chat.buttons().map((b) => b.payload)).to.deep.equal(['/resume yes', '/resume no']);

      await chat.presses('/resume yes');
      expect(chat.last.events).to.deep.include({ type: 'flow_resumed', flow: 'booking' });
      expect(chat.responses()).to.deep.equal(['ask_master']);
      expect(chat.last).to.include({ flow: 'booking', awaiting: 'master' });
      expect(chat.last.slots).to.deep.include({ service: ['manicure_gel'], branch: 'tverskaya' });
      await chat.says('любой');
      await chat.says('в пятницу после 6');
      await chat.presses(chat.buttons()[0].payload);
      // The phone the cancellation identified books too.
      expect(chat.responses()).to.deep.equal(['confirm_booking']);
    });

    it('offers to come back to a cancellation interrupted while it asked for the phone, by its name', async () => {
      chat = await conversation({ user: 'cancel-then-book', identity: reachableClients() });
      await chat.says('отмените запись');
      await chat.says('запишите на маникюр');
      expect(chat.last).to.include({ flow: 'booking', awaiting: 'branch' });
      await chat.says('стоп');
      expect(chat.responses()).to.deep.equal(['stopped', 'resume_offer']);
      expect(chat.replyText()).to.contain('Вернёмся к отмене записи?');
      await chat.presses('/resume yes');
      expect(chat.responses()).to.deep.equal(['ask_phone_identify']);
      await chat.says('+79990000001');
      await chat.says(TEST_CODE);
      expect(chat.responses()).to.deep.equal(['confirm_cancel']);
    });

    it('drops the interrupted booking when the guest does not want to come back to it', async () => {
      await askedForBranch('no-return', PHONES.anna);
      await chat.says('хочу отменить запись');
      await chat.says('нет');
      expect(chat.responses()).to.deep.equal(['cancel_kept', 'resume_offer']);
      await chat.presses('/resume no');
      expect(chat.responses()).to.deep.equal(['how_can_we_help']);
      expect(chat.last.flow).to.equal(null);
    });

    it('takes any other answer to the offer as the interrupted flow taking its question back', async () => {
      await askedForBranch('answers-instead', PHONES.anna);
      await chat.says('хочу отменить запись');
      await chat.says('нет');
      await chat.says('на Тверской');
      expect(chat.last.slots.branch).to.equal('tverskaya');
      expect(chat.last.awaiting).to.equal('master');
    });
  });

  describe('a correction', () => {
    it('«а лучше в субботу» replaces the day and offers Saturday times', async () => {
      chat = await conversation({ user: 'saturday' });
      await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу вечером');
      expect(offersOf(chat.last)[0].start.startsWith('2026-11-27')).to.equal(true);
      await chat.says('а лучше в субботу');
      expect(chat.last.awaiting).to.equal('slot');
      expect(chat.responses()).to.deep.equal(['offer_slots']);
      expect(offersOf(chat.last).every((o) => o.start.startsWith('2026-11-28'))).to.equal(true);
    });

    it('«нет, на Патриарших» replaces the branch and asks the master again for that branch', async () => {
      chat = await conversation({ user: 'patriki' });
      await chat.says('запишите на маникюр на Тверскую');
      expect(chat.last.awaiting).to.equal('master');
      await chat.says('нет, на Патриарших');
      expect(chat.last.slots.branch).to.equal('patriki');
      expect(chat.last.awaiting).to.equal('master');
      expect(chat.buttons().map((b) => b.payload)).to.deep.equal(['/slot master=svetlana', '/slot master=any']);
    });

    it('a correction while the name is asked is not taken for the name', async () => {
      chat = await conversation({ user: 'late-change' });
      await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу после 6');
      await chat.presses(chat.buttons()[0].payload);
      expect(chat.last.awaiting).to.equal('guest_name');
      await chat.says('а лучше в субботу');
      expect(chat.last.slots.guest_name).to.equal(undefined);
      expect(chat.last.awaiting).to.equal('slot');
      expect(offersOf(chat.last).every((o) => o.start.startsWith('2026-11-28'))).to.equal(true);
    });

    it('a guest named like a master gives her name, not another master', async () => {
      chat = await conversation({ user: 'marina' });
      await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу после 6');
      await chat.presses(chat.buttons()[0].payload);
      const chosen = chat.last.slots.slot;
      await chat.says('Ольга Иванова');
      expect(chat.last.slots).to.deep.include({ guest_name: 'Ольга Иванова', master: 'any', slot: chosen });
      expect(chat.last.awaiting).to.equal('phone');
      await chat.says('Марина, 89161234567');
      expect(chat.last.slots).to.deep.include({ guest_name: 'Ольга Иванова', master: 'any', slot: chosen, phone: '+79161234567' });
      expect(chat.responses()).to.deep.equal(['confirm_booking']);
    });

    it('a master named with a cue changes the master', async () => {
      chat = await conversation({ user: 'to-olga' });
      await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу после 6');
      await chat.presses(chat.buttons()[0].payload);
      await chat.says('а можно к Ольге?');
      expect(chat.last.slots.master).to.equal('olga');
      expect(chat.last.awaiting).to.equal('slot');
      expect(offersOf(chat.last).every((o) => o.master === 'olga')).to.equal(true);
    });
  });

  describe('stopping', () => {
    it('stops a cancellation while it asks for the phone, with nothing left to come back to', async () => {
      chat = await conversation({ user: 'stop-identify' });
      await chat.says('отмените запись');
      expect(chat.last.flow).to.equal('identify');
      await chat.says('стоп');
      expect(chat.responses()).to.deep.equal(['stopped']);
      expect(chat.last.flow).to.equal(null);
      expect(chat.last.events.filter((e) => e.type === 'flow_stopped')).to.deep.equal([
        { type: 'flow_stopped', flow: 'identify' }, { type: 'flow_stopped', flow: 'cancel' },
      ]);
    });

    it('stops a flow that interrupted a booking and offers the booking again', async () => {
      await askedForBranch('stop-switch', PHONES.anna);
      await chat.says('хочу перенести запись');
      await chat.says('передумала');
      expect(chat.responses()).to.deep.equal(['stopped', 'resume_offer']);
      expect(chat.replyText()).to.contain('Вернёмся к записи?');
      await chat.presses('/resume yes');
      expect(chat.responses()).to.deep.equal(['ask_branch']);
    });

    for (const stop of ['стоп', 'передумала']) {
      it(`«${stop}» ends the flow politely`, async () => {
        await askedForBranch(`stop-${stop}`);
        await chat.says(stop);
        expect(chat.responses()).to.deep.equal(['stopped']);
        expect(chat.last).to.include({ flow: null, awaiting: null, handedOver: false });
        expect(chat.last.events).to.deep.include({ type: 'flow_stopped', flow: 'booking' });
        await chat.says('запишите на педикюр');
        expect(chat.last.slots).to.deep.equal({ service: ['pedicure_gel'] });
      });
    }
  });
});

/** Odd messages in the middle of a flow never break the conversation: the pending question comes again. */
import { expect } from 'chai';
import type { Assistant } from '../../../app/assistant';
import { conversation, testAssistant, type Conversation } from './conversation';

const ODD: Array<[string, string]> = [
  ['empty text', ''],
  ['only spaces', '   \n\t '],
  ['10,000 characters', 'ну в общем так получилось что '.repeat(345).slice(0, 10_000)],
  ['emoji only', '🌸🌸🌸💅'],
  ['Latin text', 'Lorem ipsum dolor sit amet'],
  ['a wrong-layout greeting («привет»)', 'ghbdtn'],
  ['control characters', '\u0000\u0007\u001b[31m'],
];

describe('odd input in the middle of a flow', () => {
  // Nothing here changes the CRM: one assistant, one guest per test.
  let assistant: Assistant;
  let chat: Conversation;
  before(async () => {
    assistant = await testAssistant();
  });
  after(() => assistant.close());

  for (const [what, text] of ODD) {
    it(`asks the pending question again after ${what}`, async () => {
      chat = await conversation({ user: `odd-${what}`, assistant });
      await chat.says('запишите на маникюр');
      expect(chat.last.awaiting).to.equal('branch');
      await chat.says(text);
      expect(chat.last).to.include({ flow: 'booking', awaiting: 'branch', handedOver: false });
      expect(chat.responses().at(-1)).to.equal('ask_branch');
      expect(chat.last.slots).to.deep.equal({ service: ['manicure_gel'] });
    });
  }

  for (const [what, text] of ODD) {
    it(`does not take ${what} for the guest's name`, async () => {
      chat = await conversation({ user: `odd-name-${what}`, assistant });
      await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу после 6');
      await chat.presses(chat.buttons()[0].payload);
      expect(chat.last.awaiting).to.equal('guest_name');
      await chat.says(text);
      expect(chat.last.slots.guest_name).to.equal(undefined);
      expect(chat.last.awaiting).to.equal('guest_name');
      expect(chat.responses().at(-1)).to.equal('ask_guest_name');
    });
  }

  it('reads a wrong-layout answer as Russian: «pfdnhf dtxthjv» is tomorrow evening', async () => {
    chat = await conversation({ user: 'odd-layout', assistant });
    await chat.says('запишите на маникюр');
    await chat.says('pfdnhf dtxthjv');
    expect(chat.last.awaiting).to.equal('branch');
    expect(chat.last.slots.when).to.deep.include({ source: 'завтра вечером' });
  });

  it('offers a human after three answers it cannot use, ending the flow', async () => {
    chat = await conversation({ user: 'odd-thrice', assistant });
    await chat.says('запишите на маникюр');
    for (const text of ['🌸', '…', '???']) await chat.says(text);
    expect(chat.responses()).to.deep.equal(['fallback_not_understood_offer_human']);
    expect(chat.last.flow).to.equal(null);
  });

  it('ignores a pressed button that is not ours and asks again', async () => {
    chat = await conversation({ user: 'odd-payload', assistant });
    await chat.says('запишите на маникюр');
    await chat.presses('/slot branch=moon');
    expect(chat.last.awaiting).to.equal('branch');
    expect(chat.last.slots.branch).to.equal(undefined);
    await chat.presses('{"weird": true}');
    expect(chat.last.awaiting).to.equal('branch');
  });
});

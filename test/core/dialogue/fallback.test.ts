/** Messages the NLU is not sure about: one clarification, then the FAQ, then the offer of a human. */
import { expect } from 'chai';
import type { Assistant } from '../../../app/assistant';
import { conversation, testAssistant, type Conversation } from './conversation';

/** Messages the shipped NLU ranks below its threshold. */
const UNCLEAR = 'насчет записи';
const STILL_UNCLEAR = 'можно уточнить';
/** Unclear to the NLU, but the FAQ knows it (drinks in the salon). */
const UNCLEAR_BUT_IN_FAQ = 'кофе';

describe('low NLU confidence', () => {
  // Nothing here changes the CRM: one assistant, one guest per test.
  let assistant: Assistant;
  let chat: Conversation;
  before(async () => {
    assistant = await testAssistant();
  });
  after(() => assistant.close());

  it('asks to clarify on the first miss, offering the likely intents and a human', async () => {
    chat = await conversation({ user: 'unclear', assistant });
    await chat.says(UNCLEAR);
    expect(chat.last.intent).to.equal('nlu_fallback');
    expect(chat.responses()).to.deep.equal(['fallback_clarify']);
    expect(chat.last.events).to.deep.include({ type: 'fallback', level: 1 });
    const payloads = chat.buttons().map((b) => b.payload);
    expect(payloads.length).to.be.within(2, 4);
    expect(payloads.slice(0, -1).every((p) => /^\/intent [a-z_]+$/.test(p))).to.equal(true);
    expect(payloads.at(-1)).to.equal('/handover');
    expect(payloads.filter((p) => p === '/handover' || p === '/intent handover')).to.have.length(1);
    expect(chat.buttons().map((b) => b.title)).to.include('Отменить запись');
  });

  it('searches the FAQ on the second miss', async () => {
    chat = await conversation({ user: 'coffee', assistant });
    await chat.says(UNCLEAR);
    await chat.says(UNCLEAR_BUT_IN_FAQ);
    expect(chat.last.events).to.deep.include({ type: 'fallback', level: 2 });
    expect(chat.responses()).to.deep.equal(['faq:drinks']);
  });

  it('offers a human on the second miss the FAQ cannot answer either', async () => {
    chat = await conversation({ user: 'lost', assistant });
    await chat.says(UNCLEAR);
    await chat.says(STILL_UNCLEAR);
    expect(chat.responses()).to.deep.equal(['fallback_not_understood_offer_human']);
    expect(chat.buttons().map((b) => b.payload)).to.deep.equal(['/handover']);
    expect(chat.last.handedOver).to.equal(false);
    await chat.says('1');
    expect(chat.last.handedOver).to.equal(true);
  });

  it('starts over with a clarification after a miss was resolved', async () => {
    chat = await conversation({ user: 'again', assistant });
    await chat.says(UNCLEAR);
    await chat.says(STILL_UNCLEAR);
    await chat.says(UNCLEAR);
    expect(chat.responses()).to.deep.equal(['fallback_clarify']);
  });

  it('reads a typed button number as pressing that button', async () => {
    chat = await conversation({ user: 'number', assistant });
    await chat.says(UNCLEAR);
    const second = chat.buttons()[1];
    await chat.says('2');
    expect(chat.last.intent).to.equal(second.payload.replace('/intent ', ''));
    expect(chat.last.flow).to.not.equal(null);
  });

  it('reads a typed button title as pressing that button', async () => {
    chat = await conversation({ user: 'title', assistant });
    await chat.says(UNCLEAR);
    await chat.says('отменить запись');
    expect(chat.last.intent).to.equal('cancel');
    expect(chat.responses()).to.deep.equal(['ask_phone_identify']);
  });

  it('reads a typed number as a button inside a flow too', async () => {
    chat = await conversation({ user: 'branch-number', assistant });
    await chat.says('запишите на маникюр');
    const titles = chat.buttons().map((b) => b.title);
    await chat.says('3');
    expect(chat.last.slots.branch).to.equal('city');
    expect(titles[2]).to.equal('«Сити»');
  });
});

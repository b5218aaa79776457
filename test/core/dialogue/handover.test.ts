/** Handing the conversation over to an administrator, and the silence until staff release it. */
import { expect } from 'chai';
import { conversation, type Conversation } from './conversation';

describe('handover', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  it('hands over on «позовите администратора» and stays silent until staff release the conversation', async () => {
    chat = await conversation({ user: 'wants-a-human' });
    await chat.says('позовите администратора');
    expect(chat.last.handedOver).to.equal(true);
    expect(chat.responses()).to.deep.equal(['handover_started']);
    expect(chat.last.events).to.deep.include({ type: 'handover', reason: 'guest_asked' });
    expect(chat.assistant.store.load(chat.key)?.state.handedOver).to.deep.include({ reason: 'guest_asked' });

    await chat.says('алло, вы тут?');
    expect(chat.last.replies).to.deep.equal([]);
    expect(chat.last.handedOver).to.equal(true);
    await chat.says('запишите на маникюр');
    expect(chat.last.replies).to.deep.equal([]);
    expect(chat.last.flow).to.equal(null);

    chat.assistant.store.setHandedOver(chat.key, null);
    await chat.says('запишите на маникюр');
    expect(chat.last.handedOver).to.equal(false);
    expect(chat.last).to.include({ flow: 'booking', awaiting: 'branch' });
  });

  it('hands over from the middle of a booking, ending it', async () => {
    chat = await conversation({ user: 'gives-up' });
    await chat.says('запишите на маникюр');
    await chat.presses('/handover');
    expect(chat.last).to.include({ handedOver: true, flow: null, awaiting: null });
    expect(chat.responses()).to.deep.equal(['handover_started']);
    expect(chat.assistant.store.load(chat.key)?.state.stack).to.deep.equal([]);
  });

  it('never answers a medical question: «можно ли делать маникюр при грибке» goes to an administrator', async () => {
    chat = await conversation({ user: 'medical' });
    await chat.says('можно ли делать маникюр при грибке');
    expect(chat.last.handedOver).to.equal(true);
    expect(chat.responses()).to.deep.equal(['handover_sensitive']);
    expect(chat.last.events.some((e) => e.type === 'handover')).to.equal(true);
    await chat.says('так можно или нет?');
    expect(chat.last.replies).to.deep.equal([]);
  });

  it('hands a medical question over from the middle of a booking without asking anything after it', async () => {
    chat = await conversation({ user: 'medical-mid-booking' });
    await chat.says('запишите на маникюр');
    await chat.says('а при беременности можно делать маникюр?');
    expect(chat.responses()).to.deep.equal(['handover_sensitive']);
    expect(chat.last).to.include({ handedOver: true, flow: null, awaiting: null });
  });
});

import { expect } from 'chai';
import { conversationId, emptyConversationState, InvalidConversationKeyError, parseConversationId } from '../../../core/store';

describe('conversationId', () => {
  it('joins the channel and the user id with a colon', () => {
    expect(conversationId({ channel: 'telegram', userId: '12345' })).to.equal('telegram:12345');
  });

  it('reads back a key, a user id with colons included', () => {
    expect(parseConversationId('web:7f3a:2')).to.deep.equal({ channel: 'web', userId: '7f3a:2' });
    expect(parseConversationId(conversationId({ channel: 'whatsapp', userId: '+79991234567' }))).to.deep.equal({
      channel: 'whatsapp',
      userId: '+79991234567',
    });
  });

  it('refuses ids and keys that cannot round-trip', () => {
    for (const id of ['', 'telegram', ':123', 'telegram:']) expect(() => parseConversationId(id), id).to.throw(InvalidConversationKeyError);
    expect(() => conversationId({ channel: 'a:b', userId: '1' })).to.throw(InvalidConversationKeyError, /contains ":"/);
  });
});

describe('emptyConversationState', () => {
  it('starts with no flow, no slots, no handover, and a new object every time', () => {
    const state = emptyConversationState();
    expect(state).to.deep.equal({ stack: [], slots: {}, handedOver: null, pending: null, fallbacks: 0, turn: 0 });
    state.slots.phone = '+79991234567';
    expect(emptyConversationState().slots).to.deep.equal({});
  });
});

import { expect } from 'chai';
import type TelegramBot from 'node-telegram-bot-api';
import { parseTelegramUpdate, type TelegramInboundMessage } from '../../../connectors/telegram';
import { MemoryPayloadTable } from '../../../connectors/messaging';
import { textUpdate } from './fake-bot-api';

const GUEST = 42;
const options = { payloads: new MemoryPayloadTable() };

/** A private message of the guest sharing a contact. */
function contactUpdate(contact: Record<string, unknown>, from: Record<string, unknown> | null = { id: GUEST, is_bot: false, first_name: 'Анна' }): TelegramBot.Update {
  return { update_id: 1, message: { message_id: 3, date: 1764255600, chat: { id: GUEST, type: 'private' }, ...(from ? { from } : {}), contact } } as unknown as TelegramBot.Update;
}

function messageOf(update: TelegramBot.Update): TelegramInboundMessage {
  const parsed = parseTelegramUpdate(update, options);
  if (parsed.kind !== 'message') throw new Error(`expected a message, got ${parsed.kind}`);
  return parsed.message;
}

describe('parseTelegramUpdate: the verified phone', () => {
  it('vouches for the number of a contact the guest shared of herself (its user_id is hers), as "+" and digits', () => {
    expect(messageOf(contactUpdate({ phone_number: '79991234567', first_name: 'Анна', user_id: GUEST }))).to.deep.include({ text: '+79991234567', verifiedPhone: '+79991234567' });
    expect(messageOf(contactUpdate({ phone_number: '+7 (999) 123-45-67', first_name: 'Анна', user_id: GUEST })).verifiedPhone).to.equal('+79991234567');
    expect(messageOf(contactUpdate({ phone_number: '4915123456789', first_name: 'Anna', user_id: GUEST })).verifiedPhone).to.equal('+4915123456789');
  });

  it('never vouches for someone else\'s contact: another user_id, none (a phone-book entry), or no sender to compare', () => {
    const foreign = messageOf(contactUpdate({ phone_number: '79161234567', first_name: 'Мама', user_id: 777 }));
    expect(foreign.text).to.equal('+79161234567');
    expect(foreign).not.to.have.property('verifiedPhone');
    expect(messageOf(contactUpdate({ phone_number: '79161234567', first_name: 'Мама' }))).not.to.have.property('verifiedPhone');
    expect(messageOf(contactUpdate({ phone_number: '79991234567', user_id: GUEST }, null))).not.to.have.property('verifiedPhone');
    expect(messageOf(contactUpdate({ phone_number: '79991234567', user_id: String(GUEST) }))).not.to.have.property('verifiedPhone');
  });

  it('never vouches for a number the guest types', () => {
    const typed = messageOf({ update_id: 2, ...textUpdate(GUEST, 4, '+7 999 123-45-67') } as TelegramBot.Update);
    expect(typed.text).to.equal('+7 999 123-45-67');
    expect(typed).not.to.have.property('verifiedPhone');
  });

  it('does not vouch for an own contact whose number has too few digits to be one', () => {
    expect(messageOf(contactUpdate({ phone_number: '12-34', user_id: GUEST }))).not.to.have.property('verifiedPhone');
  });
});

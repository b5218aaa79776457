import { expect } from 'chai';
import { parseTelegramUpdate, renderTelegramReply } from '../../../connectors/telegram';
import { decodePayload, encodePayload, MemoryPayloadTable, splitText } from '../../../connectors/messaging';
import { textUpdate } from './fake-bot-api';

describe('splitText', () => {
  it('keeps a short text whole and gives nothing for an empty one', () => {
    expect(splitText('Готово!')).to.deep.equal(['Готово!']);
    expect(splitText('   ')).to.deep.equal([]);
  });

  it('cuts a text without spaces at the limit, never inside a surrogate pair', () => {
    expect(splitText('a'.repeat(5000)).map((p) => p.length)).to.deep.equal([4096, 904]);
    const emoji = '💅'.repeat(3000);
    const parts = splitText(emoji);
    expect(parts.join('')).to.equal(emoji);
    for (const part of parts) expect(part.length).to.be.at.most(4096);
    expect(parts[0].endsWith('\uD83D')).to.equal(false);
  });

  it('prefers a line break, then a sentence end, then a space', () => {
    expect(splitText('первая строка\nвторая строка', 20)).to.deep.equal(['первая строка', 'вторая строка']);
    expect(splitText('Первое предложение. Второе предложение.', 25)).to.deep.equal(['Первое предложение.', 'Второе предложение.']);
  });
});

describe('encodePayload / decodePayload', () => {
  it('keeps a payload that fits and maps a longer one to a short, stable key', () => {
    const table = new MemoryPayloadTable();
    expect(encodePayload('/slot branch=tverskaya', table, 64)).to.equal('/slot branch=tverskaya');
    const long = `/slot service=${'маникюр'.repeat(6)}`; // Cyrillic: two bytes a letter
    const key = encodePayload(long, table, 64);
    expect(Buffer.byteLength(key)).to.be.at.most(64);
    expect(encodePayload(long, new MemoryPayloadTable(), 64)).to.equal(key);
    expect(decodePayload(key, table)).to.equal(long);
    expect(decodePayload(key, new MemoryPayloadTable())).to.equal(undefined);
  });

  it('forgets the least recently used keys beyond its size', () => {
    const table = new MemoryPayloadTable(2);
    table.put('#a', '/a');
    table.put('#b', '/b');
    table.get('#a');
    table.put('#c', '/c');
    expect([table.get('#a'), table.get('#b'), table.get('#c')]).to.deep.equal(['/a', undefined, '/c']);
  });
});

describe('renderTelegramReply', () => {
  const options = { payloads: new MemoryPayloadTable(), sharePhoneTitle: 'Поделиться номером' };

  it('puts short titles three to a row and long ones one to a row', () => {
    const times = ['10:00', '10:30', '11:00', '11:30'].map((t) => ({ title: t, payload: `/slot time=${t}` }));
    const [short] = renderTelegramReply({ text: 'Время?', buttons: times }, options).messages;
    expect((short.options.reply_markup as any).inline_keyboard.map((row: unknown[]) => row.length)).to.deep.equal([3, 1]);
    const services = [{ title: 'Маникюр с покрытием гель-лак', payload: '/slot service=manicure_gel' }, { title: 'Педикюр классический', payload: '/slot service=pedicure_classic' }];
    const [long] = renderTelegramReply({ text: 'Услуга?', buttons: services }, options).messages;
    expect((long.options.reply_markup as any).inline_keyboard.map((row: unknown[]) => row.length)).to.deep.equal([1, 1]);
  });

  it('asks for the phone with a contact button and keeps other choices as reply buttons it can map back', () => {
    const rendering = renderTelegramReply(
      { text: 'Напишите номер', buttons: [{ title: 'Администратор', payload: '/handover' }], response: 'ask_phone_identify' },
      options,
    );
    expect(rendering.messages[0].options.reply_markup).to.deep.equal({
      keyboard: [[{ text: 'Поделиться номером', request_contact: true }], [{ text: 'Администратор' }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    });
    expect(rendering.replyKeyboard).to.deep.equal({ titles: { Администратор: '/handover' } });
    const parsed = parseTelegramUpdate({ update_id: 1, ...textUpdate(42, 3, 'Администратор') }, { payloads: options.payloads, replyKeyboardTitles: () => rendering.replyKeyboard?.titles });
    expect(parsed).to.have.nested.property('message.payload', '/handover');
  });

  it('honours an explicit requestPhone flag and takes a reply keyboard away afterwards', () => {
    const asked = renderTelegramReply({ text: 'Номер?', buttons: [], requestPhone: true } as any, options);
    expect(asked.replyKeyboard).to.not.equal(undefined);
    const after = renderTelegramReply({ text: 'Спасибо!', buttons: [] }, { ...options, removeKeyboard: true });
    expect(after.messages[0].options.reply_markup).to.deep.equal({ remove_keyboard: true });
  });

  it('still sends the choices of a reply with an empty text', () => {
    const { messages } = renderTelegramReply({ text: '', buttons: [{ title: 'Да', payload: '/slot confirmed=true' }] }, options);
    expect(messages).to.have.length(1);
    expect(renderTelegramReply({ text: '', buttons: [] }, options).messages).to.deep.equal([]);
  });
});

describe('parseTelegramUpdate', () => {
  const payloads = new MemoryPayloadTable();

  it('ignores group chats and edited messages, and routes the staff chat to the staff handler', () => {
    const group = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: -100, type: 'group' as const }, text: 'всем привет' } };
    expect(parseTelegramUpdate(group, { payloads }).kind).to.equal('ignored');
    expect(parseTelegramUpdate(group, { payloads, staffChatId: '-100' }).kind).to.equal('staff');
    expect(parseTelegramUpdate({ update_id: 2, edited_message: textUpdate(42, 1, 'x').message! }, { payloads }).kind).to.equal('ignored');
  });

  it('recognises /start and /help, also with the bot name or a deep-link parameter', () => {
    expect(parseTelegramUpdate({ update_id: 1, ...textUpdate(42, 1, '/start promo_2gis') }, { payloads })).to.include({ kind: 'command', command: 'start' });
    expect(parseTelegramUpdate({ update_id: 2, ...textUpdate(42, 2, '/help@MadamCocoBot') }, { payloads })).to.include({ kind: 'command', command: 'help' });
    expect(parseTelegramUpdate({ update_id: 3, ...textUpdate(42, 3, '/startle') }, { payloads }).kind).to.equal('message');
  });
});

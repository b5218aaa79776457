import { expect } from 'chai';
import { encodePayload, MemoryPayloadTable } from '../../../connectors/messaging';
import { parseWhatsAppWebhook, readWhatsAppWebhook } from '../../../connectors/whatsapp';
import { BUTTON_REPLY_WEBHOOK, IMAGE_WEBHOOK, LIST_REPLY_WEBHOOK, STATUS_WEBHOOK, TEXT_WEBHOOK } from './payloads';

describe('parseWhatsAppWebhook', () => {
  it('reads a text message with the guest, the wamid, the name and the time', () => {
    expect(parseWhatsAppWebhook(TEXT_WEBHOOK)).to.deep.equal([{
      channel: 'whatsapp',
      userId: '79991234567',
      messageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
      text: 'запишите плз на ноготочки в пт после 6',
      at: new Date('2025-11-27T15:00:00Z'),
      userName: 'Анна Иванова',
      phoneNumberId: '106540352242922',
      verifiedPhone: '+79991234567',
    }]);
  });

  it('vouches for the sender\'s number: "+" and her wa_id, on every kind of message', () => {
    for (const body of [TEXT_WEBHOOK, BUTTON_REPLY_WEBHOOK, LIST_REPLY_WEBHOOK, IMAGE_WEBHOOK]) {
      expect(parseWhatsAppWebhook(body)[0].verifiedPhone).to.equal('+79991234567');
    }
    const foreign = structuredClone(TEXT_WEBHOOK) as any;
    foreign.entry[0].changes[0].value.messages[0].from = '4915123456789';
    expect(parseWhatsAppWebhook(foreign)[0].verifiedPhone).to.equal('+4915123456789');
  });

  it('vouches for the sender\'s number only, never for a number she types', () => {
    const typed = structuredClone(TEXT_WEBHOOK) as any;
    typed.entry[0].changes[0].value.messages[0].text.body = 'запишите на номер +7 916 555-12-34';
    expect(parseWhatsAppWebhook(typed)[0].verifiedPhone).to.equal('+79991234567');
  });

  it('reads a pressed reply button and a chosen list row as their payloads, with the title as text', () => {
    expect(parseWhatsAppWebhook(BUTTON_REPLY_WEBHOOK)[0]).to.deep.include({ payload: '/slot confirmed=true', text: 'Да, записать' });
    expect(parseWhatsAppWebhook(LIST_REPLY_WEBHOOK)[0]).to.deep.include({ payload: '/slot branch=patriki', text: '«Патриаршие»' });
  });

  it('maps a long payload key back through the table', () => {
    const payloads = new MemoryPayloadTable();
    const long = `/slot slot=${'x'.repeat(250)}`;
    const key = encodePayload(long, payloads, 200);
    const body = structuredClone(LIST_REPLY_WEBHOOK) as any;
    body.entry[0].changes[0].value.messages[0].interactive.list_reply.id = key;
    expect(parseWhatsAppWebhook(body, { payloads })[0].payload).to.equal(long);
  });

  it('reads an image as an attachment reference with its caption as text', () => {
    const [message] = parseWhatsAppWebhook(IMAGE_WEBHOOK);
    expect(message.text).to.equal('вот скол на ногте');
    expect(message.attachments).to.deep.equal([{
      type: 'image', fileId: '2754859441498128', mimeType: 'image/jpeg', sha256: '81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3',
    }]);
  });

  it('ignores status callbacks', () => {
    expect(parseWhatsAppWebhook(STATUS_WEBHOOK)).to.deep.equal([]);
  });

  it('never throws on malformed bodies', () => {
    for (const body of [null, undefined, 'text', 42, {}, { object: 'page' }, { object: 'whatsapp_business_account', entry: 'x' },
      { object: 'whatsapp_business_account', entry: [{ changes: [{ value: { messages: [{ type: 'text' }, null, { from: '1', id: 'w', type: 'reaction' }] } }] }] }]) {
      expect(parseWhatsAppWebhook(body)).to.deep.equal([]);
    }
  });

  it('never throws on messages with fields of the wrong type', () => {
    const message = (fields: object) => ({ object: 'whatsapp_business_account', entry: [{ changes: [{ value: { messages: [{ from: '79991234567', id: 'wamid.X', timestamp: '1', ...fields }] } }] }] });
    for (const fields of [
      { type: 'interactive', interactive: { button_reply: { id: 42 } } },
      { type: 'button', button: { payload: 7 } },
      { type: 'document', document: { id: 'd', mime_type: 12 } },
      { type: 'text', text: { body: 'ok' }, timestamp: '1e300' },
      { type: 'text', text: 'not an object' },
      { type: 7 },
    ]) {
      expect(() => parseWhatsAppWebhook(message(fields))).not.to.throw();
    }
    expect(parseWhatsAppWebhook(message({ type: 'text', text: { body: 'ok' }, timestamp: '1e300' }))[0].at.getTime()).to.equal(0);
  });
});

describe('readWhatsAppWebhook', () => {
  /** A batch of three texts of one guest, the middle one changed by `spoil`. */
  function batch(spoil: (message: any) => void): object {
    const body = structuredClone(TEXT_WEBHOOK) as any;
    const [template] = body.entry[0].changes[0].value.messages;
    body.entry[0].changes[0].value.messages = ['первое', 'второе', 'третье'].map((text, i) => ({ ...structuredClone(template), id: `wamid.BATCH${i}`, text: { body: text } }));
    spoil(body.entry[0].changes[0].value.messages[1]);
    return body;
  }

  it('keeps the good messages of a batch around a malformed one, and says why that one was skipped', () => {
    const { messages, skipped } = readWhatsAppWebhook(batch((m) => (m.text = { body: 42 })));
    expect(messages.map((m) => m.text)).to.deep.equal(['первое', 'третье']);
    expect(skipped).to.deep.equal([{ reason: 'the payload\'s "text.body" is missing or has the wrong type', messageId: 'wamid.BATCH1' }]);
  });

  it('skips a message whose sender is no WhatsApp id, or that has no id, and keeps the rest', () => {
    for (const spoil of [(m: any) => (m.from = ''), (m: any) => (m.from = 'whatsapp:123'), (m: any) => delete m.id, (m: any) => (m.id = 17)]) {
      const { messages, skipped } = readWhatsAppWebhook(batch(spoil));
      expect(messages.map((m) => m.messageId)).to.deep.equal(['wamid.BATCH0', 'wamid.BATCH2']);
      expect(skipped).to.have.length(1);
    }
  });

  it('leaves a reaction out without calling it malformed', () => {
    const { messages, skipped } = readWhatsAppWebhook(batch((m) => Object.assign(m, { type: 'reaction', reaction: { emoji: '👍' } })));
    expect(messages).to.have.length(2);
    expect(skipped).to.deep.equal([]);
  });
});

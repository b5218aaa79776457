import { expect } from 'chai';
import { encodePayload, MemoryPayloadTable } from '../../../connectors/telegram';
import { parseWhatsAppWebhook } from '../../../connectors/whatsapp';
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
    }]);
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
});

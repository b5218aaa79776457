/**
 * Webhook bodies in the shapes of Meta's "messages" webhook reference (text, interactive button_reply
 * and list_reply, image, status), with the reference's example values.
 */

const envelope = (value: object) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', changes: [{ value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' }, ...value }, field: 'messages' }] }],
});

const contacts = [{ profile: { name: 'Анна Иванова' }, wa_id: '79991234567' }];

export const TEXT_WEBHOOK = envelope({
  contacts,
  messages: [{ from: '79991234567', id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=', timestamp: '1764255600', text: { body: 'запишите плз на ноготочки в пт после 6' }, type: 'text' }],
});

export const BUTTON_REPLY_WEBHOOK = envelope({
  contacts,
  messages: [{
    context: { from: '15550783881', id: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=' },
    from: '79991234567',
    id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFBUTRBBUTTON',
    timestamp: '1764255660',
    type: 'interactive',
    interactive: { type: 'button_reply', button_reply: { id: '/slot confirmed=true', title: 'Да, записать' } },
  }],
});

export const LIST_REPLY_WEBHOOK = envelope({
  contacts,
  messages: [{
    context: { from: '15550783881', id: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=' },
    from: '79991234567',
    id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFBUTRBLIST',
    timestamp: '1764255720',
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: { id: '/slot branch=patriki', title: '«Патриаршие»', description: 'Малая Бронная ул., 20' } },
  }],
});

export const IMAGE_WEBHOOK = envelope({
  contacts,
  messages: [{
    from: '79991234567',
    id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFBUTRBIMAGE',
    timestamp: '1764255780',
    type: 'image',
    image: { caption: 'вот скол на ногте', mime_type: 'image/jpeg', sha256: '81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3', id: '2754859441498128' },
  }],
});

export const STATUS_WEBHOOK = envelope({
  statuses: [{
    id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3NDMzQzQ5RTk5MjE2QTVGRjIA',
    status: 'delivered',
    timestamp: '1764255800',
    recipient_id: '79991234567',
    conversation: { id: 'f5fdae3920125a39a1e6a23e5f877c16', origin: { type: 'service' } },
    pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
  }],
});

import { expect } from 'chai';
import { staffGuestMessage, staffSummary } from '../../../connectors/staff-chat';
import type { LoggedMessage } from '../../../core/store';
import { join } from 'node:path';
import { loadStaffTexts } from '../../../salon/staff-texts';
import { CONTENT_DIR } from '../../support/content';

// The shipped words of content/staff.yaml.
const texts = loadStaffTexts(join(CONTENT_DIR, 'staff.yaml'));

const message = (direction: 'in' | 'out', text: string, extra: Partial<LoggedMessage> = {}): LoggedMessage => ({ conversationId: 'whatsapp:79991234567', seq: 1, turn: 1, direction, at: '2026-11-24T09:00:00.000Z', text, ...extra });

describe('staffSummary', () => {
  it('names the guest, channel, reason, client and ticket, and quotes the last messages with phones masked', () => {
    const summary = staffSummary(texts, {
      channel: 'whatsapp',
      reason: 'complaint',
      guestName: 'Анна',
      clientId: 'C3',
      phone: '+79991234567',
      ticketId: 'T-12',
      messages: [message('in', 'скол на ногте, звоните 8 999 123 45 67'), message('out', 'Передаём обращение старшему администратору.'), message('in', '', { attachments: [{ type: 'image', fileId: 'f1' }] })],
    });
    expect(summary.text).to.equal([
      '🔔 Гость ждёт администратора',
      'Гость: Анна',
      'Канал: WhatsApp',
      'Причина: жалоба на визит',
      'Клиент в CRM: C3',
      'Телефон: +7 *** ***-**-67',
      'Обращение: T-12',
      '',
      'Последние сообщения:',
      'Гость: скол на ногте, звоните +7 *** ***-**-67',
      'Ассистент: Передаём обращение старшему администратору.',
      'Гость: [фото]',
      '',
      'Ответьте на это сообщение (Reply) — ответ уйдёт гостю. Ответ /bot вернёт разговор ассистенту.',
    ].join('\n'));
    expect(summary.buttons).to.deep.equal([]);
  });

  it('says so when the name is unknown and shows an unknown reason as it is', () => {
    const { text } = staffSummary(texts, { channel: 'web', reason: 'vip_request', messages: [] });
    expect(text.split('\n').slice(1, 4)).to.deep.equal(['Гость: имя неизвестно', 'Канал: чат на сайте', 'Причина: vip_request']);
  });

  it('cuts a very long guest message in the quote', () => {
    const { text } = staffSummary(texts, { channel: 'telegram', reason: 'guest_asked', messages: [message('in', 'а'.repeat(1000))] });
    expect(text).to.contain(`Гость: ${'а'.repeat(299)}…`);
  });
});

describe('staffGuestMessage', () => {
  it('shows who wrote, in which channel, the text with phones masked, and attachments', () => {
    expect(staffGuestMessage(texts, { channel: 'telegram', guestName: 'Анна', text: 'мой номер +7 916 555-44-33', attachments: [{ type: 'image' }] }).text)
      .to.equal('💬 Анна (Telegram): мой номер +7 *** ***-**-33 [фото]');
  });
});

import { expect } from 'chai';
import { MemoryPayloadTable } from '../../../connectors/messaging';
import { renderWhatsAppReply, WHATSAPP_LIMITS } from '../../../connectors/whatsapp';

const buttons = (n: number, title = (i: number) => `Вариант ${i + 1}`) =>
  Array.from({ length: n }, (_, i) => ({ title: title(i), payload: `/slot choice=${i + 1}` }));

describe('renderWhatsAppReply', () => {
  const payloads = new MemoryPayloadTable();

  it('sends a reply without choices as text', () => {
    expect(renderWhatsAppReply({ text: 'Готово!', buttons: [] }, { payloads })).to.deep.equal([{ type: 'text', text: { body: 'Готово!', preview_url: false } }]);
  });

  it('renders up to three short choices as reply buttons', () => {
    const [message] = renderWhatsAppReply({ text: 'Записать вас?', buttons: buttons(3) }, { payloads }) as any[];
    expect(message.interactive.type).to.equal('button');
    expect(message.interactive.body.text).to.equal('Записать вас?');
    expect(message.interactive.action.buttons[2]).to.deep.equal({ type: 'reply', reply: { id: '/slot choice=3', title: 'Вариант 3' } });
  });

  it('renders four or more choices as a list message', () => {
    const [message] = renderWhatsAppReply({ text: 'Выберите время', buttons: buttons(4) }, { payloads, listButtonTitle: 'Время' }) as any[];
    expect(message.interactive.type).to.equal('list');
    expect(message.interactive.action.button).to.equal('Время');
    expect(message.interactive.action.sections[0].rows).to.have.length(4);
    expect(message.interactive.action.sections[0].rows[0]).to.deep.equal({ id: '/slot choice=1', title: 'Вариант 1' });
  });

  it('uses a list when a title is over 20 characters, cutting rows at 24 and keeping the whole title as description', () => {
    const title = 'Маникюр с покрытием гель-лак';
    const [message] = renderWhatsAppReply({ text: 'Какую услугу?', buttons: [{ title, payload: '/slot service=manicure_gel' }] }, { payloads }) as any[];
    expect(message.interactive.type).to.equal('list');
    const row = message.interactive.action.sections[0].rows[0];
    expect(Array.from(row.title as string).length).to.be.at.most(WHATSAPP_LIMITS.rowTitle);
    expect(row.title).to.match(/…$/);
    expect(row.description).to.equal(title);
  });

  it('spreads more than ten choices over list messages of at most ten rows', () => {
    const messages = renderWhatsAppReply({ text: 'Свободное время', buttons: buttons(14) }, { payloads, moreChoicesText: 'Ещё время' }) as any[];
    expect(messages.map((m) => m.interactive.action.sections[0].rows.length)).to.deep.equal([10, 4]);
    expect(messages[1].interactive.body.text).to.equal('Ещё время');
  });

  it('sends the text beyond the interactive body limit as text first', () => {
    const text = `${'Первый абзац. '.repeat(60).trim()}\n\n${'Второй абзац. '.repeat(30).trim()}`;
    const messages = renderWhatsAppReply({ text, buttons: buttons(2) }, { payloads }) as any[];
    expect(messages.map((m) => m.type)).to.deep.equal(['text', 'interactive']);
    expect(messages[1].interactive.body.text.length).to.be.at.most(WHATSAPP_LIMITS.interactiveBody);
  });
});

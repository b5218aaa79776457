/** Which slots a message fills, with the shipped NLU, flows and slot declarations. */
import { expect } from 'chai';
import type { Assistant } from '../../../app/assistant';
import { slotValuesFor, type SlotValueOptions } from '../../../core/dialogue/slot-values';
import { understand } from '../../../core/dialogue/understand';
import { shippedNlu } from '../../support/content';
import { NOW, testAssistant } from './conversation';

describe('slotValuesFor', () => {
  let assistant: Assistant;
  before(async () => {
    assistant = await testAssistant();
  });
  after(() => assistant.close());

  /** The values `text` gives the flow's slots. */
  async function values(flow: string, text: string, options: SlotValueOptions): Promise<Record<string, unknown>> {
    const u = await understand(await shippedNlu(), { channel: 'test', userId: '1', text }, NOW);
    return slotValuesFor(assistant.flows.definitions.get(flow)!, assistant.flows.slots, u, options);
  }

  const CHOSEN = { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', when: { windows: [], source: 'в пятницу' } };

  it('takes a name that is also a master\'s for the asked name, not for a master', async () => {
    expect(await values('booking', 'Ольга Иванова', { awaiting: 'guest_name', current: CHOSEN })).to.deep.equal({ guest_name: 'Ольга Иванова' });
    expect(await values('booking', 'Марина', { awaiting: 'guest_name', current: CHOSEN })).to.deep.equal({ guest_name: 'Марина' });
  });

  it('takes a guest\'s surname that is also a master\'s as part of her name, not as a new master', async () => {
    expect(await values('booking', 'Ксения Орлова', { awaiting: 'guest_name', current: { ...CHOSEN, master: 'kristina' } })).to.deep.equal({ guest_name: 'Ксения Орлова' });
    expect(await values('booking', 'Ксения, но лучше к Орловой', { awaiting: 'guest_name', current: { ...CHOSEN, master: 'kristina' } })).to.include({ master: 'svetlana' });
  });

  it('takes the name and a phone given with it', async () => {
    expect(await values('booking', 'Марина, 8 916 123-45-67', { awaiting: 'guest_name', current: CHOSEN }))
      .to.deep.equal({ guest_name: 'Марина', phone: '+79161234567' });
  });

  it('reads a correction while the name is asked as the correction only', async () => {
    const saturday = await values('booking', 'а лучше в субботу', { awaiting: 'guest_name', current: CHOSEN });
    expect(saturday).to.have.keys('when');
    expect(await values('booking', 'нет, к Ольге', { awaiting: 'guest_name', current: CHOSEN })).to.deep.equal({ master: 'olga' });
  });

  it('takes the branch the guest does not deny: «не на Тверской, а в Сити»', async () => {
    expect((await values('booking', 'ой, не на тверской, а в сити', { awaiting: 'when', current: CHOSEN })).branch).to.equal('city');
    expect((await values('booking', 'в сити, не на тверской', { awaiting: 'when', current: CHOSEN })).branch).to.equal('city');
  });

  it('does not let a bare first name change a chosen master', async () => {
    expect(await values('booking', 'Марина 89161234567', { awaiting: 'phone', current: { ...CHOSEN, guest_name: 'Ольга' } }))
      .to.deep.equal({ phone: '+79161234567' });
  });

  it('still takes a misspelt branch as a correction, while the name is asked too', async () => {
    expect(await values('booking', 'нет, на тверкой', { awaiting: 'slot', current: { ...CHOSEN, branch: 'patriki' } })).to.deep.equal({ branch: 'tverskaya' });
    expect(await values('booking', 'а лучше на тверкой', { awaiting: 'guest_name', current: { ...CHOSEN, branch: 'patriki' } })).to.deep.equal({ branch: 'tverskaya' });
  });

  it('takes a bare master name for an empty master slot when no name is asked', async () => {
    expect(await values('booking', 'на маникюр, Марина', { awaiting: null })).to.deep.include({ master: 'marina' });
  });

  it('takes no name from a message that means something else', async () => {
    expect(await values('booking', 'хочу отменить запись', { awaiting: 'guest_name', current: CHOSEN, freeText: false })).to.deep.equal({});
  });

  it('takes no name from digits, control characters, or Russian typed in the Latin layout', async () => {
    for (const text of ['12345', '\u001b[31m', 'pfdnhf dtxthjv', '🌸', 'раз два три четыре пять']) {
      expect(await values('booking', text, { awaiting: 'guest_name', current: CHOSEN }), text).to.not.have.property('guest_name');
    }
    expect(await values('booking', 'John Smith', { awaiting: 'guest_name', current: CHOSEN })).to.deep.equal({ guest_name: 'John Smith' });
  });

  it('takes a complaint story as it is, whatever it mentions', async () => {
    const story = 'через два дня после маникюра на Тверской откололось';
    expect(await values('complaint', story, { awaiting: 'description', current: { branch: 'tverskaya', service: ['manicure_gel'] } }))
      .to.deep.equal({ description: story });
  });

  it('reads «любому мастеру» as any master in any message of the flow', async () => {
    expect(await values('booking', 'запишите на маникюр к любому мастеру', { awaiting: null })).to.deep.include({ master: 'any', service: ['manicure_gel'] });
    expect(await values('booking', 'всё равно', { awaiting: 'when', current: { ...CHOSEN, master: 'olga' } })).to.deep.equal({});
    expect(await values('booking', 'всё равно', { awaiting: 'master', current: CHOSEN })).to.deep.equal({ master: 'any' });
  });

  it('reads the flow\'s own request as a yes to its confirmation', async () => {
    expect(await values('cancel', 'да, отменяйте', { awaiting: 'confirmed' })).to.deep.equal({ confirmed: true });
    expect(await values('cancel', 'нет', { awaiting: 'confirmed' })).to.deep.equal({ confirmed: false });
  });

  it('fills the photo from an attachment', async () => {
    const u = await understand(await shippedNlu(), { channel: 'test', userId: '1' }, NOW);
    const definition = assistant.flows.definitions.get('complaint')!;
    expect(slotValuesFor(definition, assistant.flows.slots, u, { awaiting: 'photo', attachments: [{ type: 'image', url: 'https://example.test/p.jpg' }] }))
      .to.deep.equal({ photo: 'https://example.test/p.jpg' });
  });
});

import { expect } from 'chai';
import { CONVERSATION, PHONES, salon } from './fixtures';

describe('salon identify actions', () => {
  describe('identifyByChannel', () => {
    it('knows a channel user the CRM links to a client', async () => {
      const { run, crm, clientOf } = salon();
      const anna = await clientOf(PHONES.anna);
      await crm.linkClientUser(anna, CONVERSATION.channel, CONVERSATION.userId);
      expect(await run('identifyByChannel', {}, { flow: 'identify' })).to.deep.equal({
        slots: { client: anna, phone: PHONES.anna },
        conversation: { clientId: anna, phone: PHONES.anna },
      });
    });

    it('knows the guest by a phone the conversation already has, and links the channel user', async () => {
      const { run, crm, clientOf } = salon();
      const maria = await clientOf(PHONES.maria);
      const result = await run('identifyByChannel', {}, { flow: 'identify', conversation: { phone: PHONES.maria } });
      expect(result.slots).to.deep.equal({ client: maria, phone: PHONES.maria });
      expect((await crm.findClientByUser(CONVERSATION.channel, CONVERSATION.userId))?.id).to.equal(maria);
    });

    it('knows nothing of a new guest', async () => {
      const { run } = salon();
      expect(await run('identifyByChannel', {}, { flow: 'identify' })).to.deep.equal({});
    });
  });

  describe('identifyByPhone', () => {
    it('finds the client of the phone the guest gave and links the channel user', async () => {
      const { run, crm, clientOf } = salon();
      const anna = await clientOf(PHONES.anna);
      expect(await run('identifyByPhone', { phone: PHONES.anna }, { flow: 'identify' })).to.deep.equal({
        slots: { client: anna, phone: PHONES.anna },
        conversation: { clientId: anna, phone: PHONES.anna },
      });
      expect((await crm.findClientByUser(CONVERSATION.channel, CONVERSATION.userId))?.id).to.equal(anna);
    });

    it('finds nobody for an unknown phone, so the flow can ask for another number', async () => {
      const { run } = salon();
      expect(await run('identifyByPhone', { phone: '+79160000000' }, { flow: 'identify' })).to.deep.equal({});
    });
  });
});

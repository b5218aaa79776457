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

    it('knows the guest by the phone the channel vouches for, and links the channel user', async () => {
      const { run, crm, clientOf } = salon();
      const maria = await clientOf(PHONES.maria);
      const result = await run('identifyByChannel', {}, { flow: 'identify', conversation: { verifiedPhone: PHONES.maria } });
      expect(result.slots).to.deep.equal({ client: maria, phone: PHONES.maria });
      expect((await crm.findClientByUser(CONVERSATION.channel, CONVERSATION.userId))?.id).to.equal(maria);
    });

    it('takes no typed phone, from the slots or the conversation, for an identity', async () => {
      const { run, crm } = salon();
      expect(await run('identifyByChannel', { phone: PHONES.maria }, { flow: 'identify', conversation: { phone: PHONES.maria } })).to.deep.equal({});
      expect(await crm.findClientByUser(CONVERSATION.channel, CONVERSATION.userId)).to.equal(undefined);
    });

    it('knows nothing of a new guest', async () => {
      const { run } = salon();
      expect(await run('identifyByChannel', {}, { flow: 'identify' })).to.deep.equal({});
    });
  });

  describe('identifyByPhone', () => {
    it('takes a typed phone of a known client as a claim only, linking nothing', async () => {
      const { run, crm, clientOf } = salon();
      const anna = await clientOf(PHONES.anna);
      expect(await run('identifyByPhone', { phone: PHONES.anna }, { flow: 'identify' })).to.deep.equal({ slots: { claimed_client: anna } });
      expect(await crm.findClientByUser(CONVERSATION.channel, CONVERSATION.userId)).to.equal(undefined);
    });

    it('identifies her when the typed phone is the one the channel vouches for, and links the channel user', async () => {
      const { run, crm, clientOf } = salon();
      const anna = await clientOf(PHONES.anna);
      expect(await run('identifyByPhone', { phone: PHONES.anna }, { flow: 'identify', conversation: { verifiedPhone: PHONES.anna } })).to.deep.equal({
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

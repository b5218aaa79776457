import { expect } from 'chai';
import type { Reply } from '../../../common';
import { channelCourier } from '../../../app/server/identity-courier';

const client = { id: 'C1', name: 'Анна Петрова', phone: '+79990000001' };

function courierWith(users: Array<{ channel: string; userId: string }>) {
  const delivered: Array<{ to: { channel: string; userId: string }; replies: Reply[] }> = [];
  const courier = channelCourier({
    crm: { linkedUsers: async () => users },
    responses: { render: (key, vars) => `${key}:${String(vars?.identity_code)}` },
    deliver: (to, replies) => (delivered.push({ to, replies }), []),
    channels: new Set(['telegram', 'whatsapp']),
  });
  return { courier, delivered };
}

describe('the courier of one-time codes', () => {
  it('sends the code to the client\'s messenger chat through the outbox', async () => {
    const { courier, delivered } = courierWith([{ channel: 'web', userId: 's1' }, { channel: 'telegram', userId: '42' }]);
    expect(await courier.sendCode(client, '204816', { channel: 'web', userId: 'attacker' })).to.equal(true);
    expect(delivered).to.deep.equal([{ to: { channel: 'telegram', userId: '42' }, replies: [{ text: 'identity_code_message:204816', buttons: [], response: 'identity_code_message' }] }]);
  });

  it('sends nothing to a web session, nor back to the chat that asks, and says so', async () => {
    const { courier, delivered } = courierWith([{ channel: 'web', userId: 's1' }, { channel: 'whatsapp', userId: '79990000001' }]);
    expect(await courier.sendCode(client, '204816', { channel: 'whatsapp', userId: '79990000001' })).to.equal(false);
    expect(delivered).to.deep.equal([]);
  });
});

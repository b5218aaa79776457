/** The per-chat pace: a second between messages in a private chat, three in a group (20 a minute). */
import { expect } from 'chai';
import { ChatPacer } from '../../../connectors/messaging';

/** A pacer on a hand-driven clock: sleeping moves the clock. */
function pacedClock(options: ConstructorParameters<typeof ChatPacer>[0] = {}) {
  let now = 0;
  const sentAt: Record<string, number[]> = {};
  const pacer = new ChatPacer({ ...options, now: () => now, sleep: async (ms) => void (now += ms) });
  const send = (chat: string) => pacer.run(chat, (paced) => paced(async () => void (sentAt[chat] ??= []).push(now)));
  return { send, sentAt };
}

describe('ChatPacer', () => {
  it('sends to a private chat at most once a second, and to a group (negative id) at most every three seconds', async () => {
    const { send, sentAt } = pacedClock();
    await Promise.all([send('42'), send('42'), send('42')]);
    await Promise.all([send('-1001234567890'), send('-1001234567890'), send('-1001234567890')]);
    expect(sentAt['42']).to.deep.equal([0, 1000, 2000]);
    expect(sentAt['-1001234567890']).to.deep.equal([2000, 5000, 8000]);
  });

  it('never paces a group faster than a private chat', async () => {
    const { send, sentAt } = pacedClock({ intervalMs: 5000, groupIntervalMs: 100 });
    await Promise.all([send('-1'), send('-1')]);
    expect(sentAt['-1']).to.deep.equal([0, 5000]);
  });
});

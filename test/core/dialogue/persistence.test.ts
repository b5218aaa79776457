/** A conversation survives a restart: the state is in the database file, not in the process. */
import { expect } from 'chai';
import { conversation, tempDatabase, testAssistant } from './conversation';

describe('persistence across a restart', () => {
  it('continues a booking stopped mid-flow identically after the assistant restarts on the same file', async () => {
    const file = tempDatabase();
    const steps = ['запишите на маникюр в пятницу после 6', 'Тверская'];
    try {
      const first = await testAssistant(file.path);
      const before = await conversation({ user: 'restart', assistant: first });
      for (const text of steps) await before.says(text);
      expect(before.last.awaiting).to.equal('master');
      first.close();

      const second = await testAssistant(file.path);
      const after = await conversation({ user: 'restart', assistant: second });
      // The same conversation in an assistant that never stopped.
      const control = await conversation({ user: 'restart' });
      for (const text of steps) await control.says(text);
      try {
        for (const text of ['любой', '1', 'Анна', '89161234567']) {
          await after.says(text);
          await control.says(text);
          expect(after.last.replies, text).to.deep.equal(control.last.replies);
          expect({ flow: after.last.flow, awaiting: after.last.awaiting, slots: after.last.slots }, text)
            .to.deep.equal({ flow: control.last.flow, awaiting: control.last.awaiting, slots: control.last.slots });
        }
        expect(after.responses()).to.deep.equal(['confirm_booking']);
        await after.says('да');
        expect(after.responses()[0]).to.equal('booking_confirmed');
        expect(await second.crm.getBooking(after.last.slots.created_booking as string)).to.deep.include({ guestName: 'Анна', phone: '+79161234567' });
      } finally {
        second.close();
        control.close();
      }
    } finally {
      file.remove();
    }
  });

  it('continues identically when two processes on one file take turns of the same conversation', async () => {
    // Nothing of a conversation may live on in a process between turns: each turn starts from the file,
    // where the other process's turn in between is.
    const file = tempDatabase();
    const steps = ['запишите на маникюр в пятницу после 6', 'Тверская', 'любой', '1', 'Анна', '89161234567'];
    try {
      const [one, two] = [await testAssistant(file.path), await testAssistant(file.path)];
      const control = await conversation({ user: 'shared' });
      try {
        const turns = [await conversation({ user: 'shared', assistant: one }), await conversation({ user: 'shared', assistant: two })];
        for (const [index, text] of steps.entries()) {
          const chat = turns[index % 2];
          await chat.says(text);
          await control.says(text);
          expect(chat.last.replies, text).to.deep.equal(control.last.replies);
          expect({ awaiting: chat.last.awaiting, slots: chat.last.slots }, text).to.deep.equal({ awaiting: control.last.awaiting, slots: control.last.slots });
        }
        expect(turns[1].responses()).to.deep.equal(['confirm_booking']);
      } finally {
        one.close();
        two.close();
        control.close();
      }
    } finally {
      file.remove();
    }
  });

  it('keeps a handover across a restart', async () => {
    const file = tempDatabase();
    try {
      const first = await testAssistant(file.path);
      await (await conversation({ user: 'human', assistant: first })).says('позовите администратора');
      first.close();
      const second = await testAssistant(file.path);
      try {
        const chat = await conversation({ user: 'human', assistant: second });
        await chat.says('алло');
        expect(chat.last).to.include({ handedOver: true });
        expect(chat.last.replies).to.deep.equal([]);
      } finally {
        second.close();
      }
    } finally {
      file.remove();
    }
  });
});

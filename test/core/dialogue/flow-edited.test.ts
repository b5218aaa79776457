/**
 * Staff edit a flow while guests stand in it: the conversation is taken up again on the edited flow,
 * never crashes the turn (or the process), and keeps what the guest already said.
 */
import { expect } from 'chai';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assistant } from '../../../app/assistant';
import { removeTempDir } from '../../support/temp';
import { conversation, FLOWS_DIR, NOW, tempDatabase, testAssistant } from './conversation';

const POLITE = 'flow_changed_restart';
const TO_THE_MASTER = ['запишите на маникюр в пятницу после 6', 'Тверская'];

/** A copy of the shipped flows with `booking.yaml` edited; `remove()` deletes it. */
function editedFlows(edit: (booking: string) => string): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'coco-flows-'));
  const dir = join(root, 'flows');
  cpSync(FLOWS_DIR, dir, { recursive: true });
  const file = join(dir, 'booking.yaml');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('the edit changed nothing in booking.yaml');
  writeFileSync(file, after);
  return { dir, remove: () => removeTempDir(root) };
}

/** The master step gets an id of its own: the state `collect_master` a parked booking stands at is gone. */
const renameMasterStep = (booking: string) => booking.replace('  - collect: master\n', '  - id: choose_master\n    collect: master\n');

/**
 * The guest parks a booking (by default at the master question), the assistant restarts on the edited
 * flows, same file.
 */
async function parkedThenRestarted(
  edit: (booking: string) => string,
  run: (chat: Awaited<ReturnType<typeof conversation>>, assistant: Assistant) => Promise<void>,
  parked: { says: string[]; awaiting: string } = { says: TO_THE_MASTER, awaiting: 'master' },
): Promise<void> {
  const file = tempDatabase();
  const flows = editedFlows(edit);
  let second: Assistant | undefined;
  try {
    const first = await testAssistant(file.path);
    const before = await conversation({ user: 'edited', assistant: first });
    for (const text of parked.says) await before.says(text);
    expect(before.last.awaiting).to.equal(parked.awaiting);
    first.close();
    second = await testAssistant(file.path, NOW, flows.dir);
    await run(await conversation({ user: 'edited', assistant: second }), second);
  } finally {
    second?.close();
    flows.remove();
    file.remove();
  }
}

describe('a flow edited while a conversation stands in it', () => {
  it('restarts the booking whose step was renamed with the kept slots, says so once, and goes on with the answer', async () => {
    await parkedThenRestarted(renameMasterStep, async (chat) => {
      await chat.says('любой');
      expect(chat.responses()).to.deep.equal([POLITE, 'offer_slots']);
      expect(chat.replyText()).to.contain('обновились');
      expect(chat.last.events).to.deep.include({ type: 'flow_restarted', flow: 'booking' });
      expect(chat.last).to.include({ flow: 'booking', awaiting: 'slot' });
      expect(chat.last.slots).to.deep.include({ service: ['manicure_gel'], branch: 'tverskaya', master: 'any' });

      await chat.says('1');
      expect(chat.responses()).to.deep.equal(['ask_guest_name']);
      expect(chat.last.events.map((e) => e.type)).to.not.include('flow_restarted');
    });
  });

  it('asks the time again, and books nothing on its own, when the summary step a guest stood at was renamed', async () => {
    const renameSummary = (booking: string) => booking.replace('  - collect: confirmed\n    ask: confirm_booking\n', '  - id: summary\n    collect: confirmed\n    ask: confirm_booking\n');
    await parkedThenRestarted(renameSummary, async (chat, assistant) => {
      await chat.says('да');
      expect(chat.responses()[0]).to.equal(POLITE);
      expect(chat.last).to.include({ flow: 'booking', awaiting: 'slot' });
      expect(chat.last.events.flatMap((e) => (e.type === 'action' ? [e.action] : []))).to.not.include('createBooking');
      const client = await assistant.crm.findClientByPhone('+79165550011');
      expect(client ? await assistant.crm.upcomingBookings(client.id) : []).to.deep.equal([]);
    }, { says: [...TO_THE_MASTER, 'любой', '1', 'Вера', '+79165550011'], awaiting: 'confirmed' });
  });

  it('asks the renamed step again when the message answers nothing of it', async () => {
    await parkedThenRestarted(renameMasterStep, async (chat) => {
      await chat.says('хм');
      expect(chat.responses()[0]).to.equal(POLITE);
      expect(chat.last).to.include({ flow: 'booking', awaiting: 'master' });
      expect(chat.responses()).to.have.length.greaterThan(1);
    });
  });

  it('takes the booking up where it was, without a word, when the edit kept its step', async () => {
    await parkedThenRestarted((booking) => booking.replace('  - collect: when\n', '  # The time the guest prefers.\n  - collect: when\n    max_attempts: 4\n'), async (chat) => {
      await chat.says('любой');
      expect(chat.responses()).to.deep.equal(['offer_slots']);
      expect(chat.last.events.map((e) => e.type)).to.not.include('flow_restarted');
    });
  });

  describe('any other frame that cannot be restored', () => {
    let assistant: Assistant;
    beforeEach(async () => {
      assistant = await testAssistant();
    });
    afterEach(() => assistant.close());

    /** Replaces the stored flow stack of the guest's conversation, as a damaged or outdated row would have it. */
    function storeStack(chat: Awaited<ReturnType<typeof conversation>>, edit: (stack: Array<{ flow: string; snapshot: any; hash?: string }>) => void): void {
      const stored = assistant.store.load(chat.key)!;
      edit(stored.state.stack as never);
      assistant.store.saveTurn(chat.key, stored.version, stored.state, []);
    }

    it('restarts a booking whose snapshot is damaged, though the flow is unchanged', async () => {
      const chat = await conversation({ user: 'damaged', assistant });
      for (const text of TO_THE_MASTER) await chat.says(text);
      storeStack(chat, (stack) => {
        stack[0].snapshot.value = { nowhere: 'at_all' };
      });
      await chat.says('любой');
      expect(chat.responses()).to.deep.equal([POLITE, 'offer_slots']);
      expect(chat.last.slots).to.deep.include({ branch: 'tverskaya', master: 'any' });
    });

    it('drops a frame of a flow that no longer exists and answers the message as if none ran', async () => {
      const chat = await conversation({ user: 'gone', assistant });
      for (const text of TO_THE_MASTER) await chat.says(text);
      storeStack(chat, (stack) => {
        stack[0].flow = 'old_booking';
      });
      await chat.says('привет');
      expect(chat.last.flow).to.equal(null);
      expect(chat.responses()).to.deep.equal(['greet']);
      expect(chat.last.events).to.deep.include({ type: 'flow_stopped', flow: 'old_booking' });
    });
  });
});

import { expect } from 'chai';
import path from 'node:path';
import { loadFlows } from '../../core/flow-machines';
import { BUTTON_RESPONSES } from '../../actions';
import { intentsOf, readRasaNluFile } from '../../nlu/data';
import { responses, ROOT, salon } from './fixtures';

describe('createSalonRegistry', () => {
  it('registers every action, guard and button provider the shipped flows name', () => {
    const { registry } = salon({ seed: false });
    const intents = intentsOf(readRasaNluFile(path.join(ROOT, 'content/intents.yaml')));
    const flows = loadFlows(path.join(ROOT, 'flows'), { registry, responses, intents });
    expect([...flows.machines.keys()]).to.include.members(['booking', 'cancel', 'complaint', 'handover', 'identify', 'repeat_last', 'reschedule', 'upsell']);
  });

  it('finds the words of its buttons in content/responses.yaml', () => {
    expect(BUTTON_RESPONSES.filter((key) => !responses.has(key))).to.deep.equal([]);
  });

  it('finds every response its actions say in content/responses.yaml', () => {
    const said = ['prepayment_note', 'client_not_found', 'no_upcoming_bookings', 'repeat_last_found', 'no_last_visit', 'upsell_added', 'upsell_unavailable'];
    expect(said.filter((key) => !responses.has(key))).to.deep.equal([]);
  });
});

import { expect } from 'chai';
import { createActor } from 'xstate';
import { buildFlowSet, parseFlow, parseSlots, type PickerInput } from '../../../core/flow-machines';
import { flowsFromString, noopRegistry, runFlow, TEST_RESPONSES } from './helpers';

const BOOKING = `
flow: booking
start_on: [booking]
steps:
  - collect: service
    ask: ask_service
    validate: knownService
    invalid: service_not_understood
    max_attempts: 2
  - collect: when
    ask: ask_when
  - id: find
    action: findSlots
    on_error: crm_failed
  - if: hasOffers
    then: pick
    else: none
  - id: pick
    collect: slot
    ask: offer_slots
  - collect: confirmed
    ask: confirm
  - if: { slot: confirmed, equals: false }
    then: declined
  - action: book
  - end
  - id: declined
    say: not_confirmed
    next: end
  - id: none
    say: no_slots
  - end: true
    id: end_none
  - id: crm_failed
    say: crm_down
`;

describe('compileFlow', () => {
  const flows = flowsFromString({ 'flows/booking.yaml': BOOKING });
  const booking = flows.machines.get('booking')!;

  it('asks for the first slot and waits for it', async () => {
    const run = await runFlow(booking);
    expect(run.responses()).to.deep.equal(['ask_service']);
    expect(run.awaiting()).to.equal('service');
  });

  it('skips questions whose slots came with the first message', async () => {
    const run = await runFlow(booking, { slots: { service: ['manicure_gel'], when: { windows: [] } } });
    expect(run.awaiting()).to.equal('slot');
    expect(run.slots().offered).to.deep.equal(['10:00']);
    expect(run.responses()).to.deep.equal(['offer_slots']);
  });

  it('walks the happy path to the end, running actions', async () => {
    const run = await runFlow(booking);
    await run.send({ type: 'SLOTS', values: { service: ['manicure_gel'] } });
    expect(run.awaiting()).to.equal('when');
    await run.send({ type: 'SLOTS', values: { when: { windows: [] } } });
    expect(run.awaiting()).to.equal('slot');
    await run.send({ type: 'SLOTS', values: { slot: '10:00' } });
    expect(run.responses()).to.deep.equal(['confirm']);
    await run.send({ type: 'SLOTS', values: { confirmed: true } });
    expect(run.responses()).to.deep.equal(['done']);
    expect(run.actor.getSnapshot().status).to.equal('done');
    expect(run.actor.getSnapshot().output.slots).to.include({ slot: '10:00', confirmed: true });
  });

  it('branches on a slot value', async () => {
    const run = await runFlow(booking, { slots: { service: ['x'], when: {}, slot: '10:00' } });
    await run.send({ type: 'SLOTS', values: { confirmed: false } });
    expect(run.responses()).to.deep.equal(['not_confirmed']);
    expect(run.actor.getSnapshot().status).to.equal('done');
  });

  it('re-asks with the invalid response when validation refuses, and gives up after max attempts', async () => {
    const run = await runFlow(booking);
    await run.send({ type: 'SLOTS', values: { service: 'unknown' } });
    expect(run.responses()).to.deep.equal(['service_not_understood']);
    expect(run.slots().service).to.equal(undefined);
    await run.send({ type: 'NO_VALUE' });
    expect(run.responses()).to.deep.equal(['fallback_not_understood_offer_human']);
    expect(run.actor.getSnapshot().status).to.equal('done');
  });

  it('says why a value is refused with the first invalid_when guard that holds, else the invalid response', async () => {
    const set = flowsFromString({
      'flows/a.yaml': 'flow: a\nsteps:\n  - collect: service\n    ask: ask_service\n    validate: knownService\n    invalid: service_not_understood\n    invalid_when: { hasOffers: no_slots }\n  - say: done\n',
    });
    const run = await runFlow(set.machines.get('a')!, { slots: { offered: ['10:00'] } });
    await run.send({ type: 'SLOTS', values: { service: 'unknown' } });
    expect(run.responses()).to.deep.equal(['no_slots']);
    const plain = await runFlow(set.machines.get('a')!);
    await plain.send({ type: 'SLOTS', values: { service: 'unknown' } });
    expect(plain.responses()).to.deep.equal(['service_not_understood']);
    expect(plain.awaiting()).to.equal('service');
  });

  it('asks the question itself again for an answer without its slot, keeping the invalid response for refusals', async () => {
    const run = await runFlow(booking);
    run.responses();
    await run.send({ type: 'NO_VALUE' });
    expect(run.responses()).to.deep.equal(['ask_service']);
    await run.send({ type: 'SLOTS', values: { when: { windows: [] } } });
    expect(run.responses()).to.deep.equal(['ask_service']);
    expect(run.slots().when).to.deep.equal({ windows: [] });
    expect(run.awaiting()).to.equal('service');
  });

  it('asks the pending question again after a digression', async () => {
    const run = await runFlow(booking);
    await run.send({ type: 'REPEAT' });
    expect(run.responses()).to.deep.equal(['ask_service']);
    expect(run.awaiting()).to.equal('service');
  });

  it('rewinds to the step of a corrected slot and clears the choices that depended on it', async () => {
    const run = await runFlow(booking, { slots: { service: ['manicure_gel'], when: { day: 'thu' } } });
    await run.send({ type: 'SLOTS', values: { slot: '10:00' } });
    expect(run.awaiting()).to.equal('confirmed');
    await run.send({ type: 'SLOTS', values: { when: { day: 'fri' } } });
    expect(run.slots()).to.deep.include({ when: { day: 'fri' } });
    expect(run.slots().slot).to.equal(undefined);
    expect(run.awaiting()).to.equal('slot');
    expect(run.responses()).to.deep.equal(['offer_slots']);
  });

  it('goes to on_error when an action fails', async () => {
    const registry = noopRegistry();
    registry.actions.findSlots = async () => {
      throw new Error('CRM is down');
    };
    const failing = flowsFromString({ 'flows/booking.yaml': BOOKING }, registry).machines.get('booking')!;
    const run = await runFlow(failing, { slots: { service: ['x'], when: {} } });
    expect(run.responses()).to.deep.equal(['crm_down']);
    expect(run.actor.getSnapshot().output.failed).to.equal(true);
  });

  it('continues identically after a restore from its persisted snapshot', async () => {
    const first = await runFlow(booking);
    await first.send({ type: 'SLOTS', values: { service: ['manicure_gel'] } });
    const persisted = JSON.parse(JSON.stringify(first.actor.getPersistedSnapshot()));
    first.actor.stop();
    const restored = await runFlow(booking, {}, persisted);
    expect(restored.awaiting()).to.equal('when');
    await restored.send({ type: 'SLOTS', values: { when: {} } });
    expect(restored.awaiting()).to.equal('slot');
    expect(restored.slots().service).to.deep.equal(['manicure_gel']);
  });

  it('waits on a call step until the called flow returns', async () => {
    const set = flowsFromString({
      'flows/a.yaml': 'flow: a\nsteps:\n  - call: b\n  - say: done\n',
      'flows/b.yaml': 'flow: b\nsteps:\n  - say: confirm\n',
    });
    const run = await runFlow(set.machines.get('a')!);
    expect([...run.actor.getSnapshot().tags]).to.include('call:b');
    await run.send({ type: 'RETURNED', slots: { confirmed: true } });
    expect(run.responses()).to.deep.equal(['done']);
    expect(run.actor.getSnapshot().output.slots).to.deep.equal({ confirmed: true });
  });

  it('fills a picked_by slot from the message that started the flow, and the entities that named it fill nothing else', async () => {
    const slots = parseSlots('slots:\n  when: { type: when, entity: when }\n  item: { type: text, picked_by: namedItem }\n', 'flows/slots.yaml');
    const registry = {
      ...noopRegistry(),
      actions: { load: async () => ({ slots: { items: ['a', 'b'] } }) },
      // "the one at 11" names item b once the items are loaded
      pickers: { namedItem: ({ slots, entities }: PickerInput) => (Array.isArray(slots.items) ? { value: 'b', entities: [...entities] } : undefined) },
    };
    const flow = parseFlow('flow: change\nsteps:\n  - action: load\n  - collect: item\n    ask: ask_service\n  - collect: when\n    ask: ask_when\n', 'flows/change.yaml');
    const machine = buildFlowSet([flow], { registry, slots, responses: TEST_RESPONSES }).machines.get('change')!;
    const at11 = { windows: [], source: 'в 11' };
    const run = await runFlow(machine, { slots: { when: at11 }, cues: [{ entity: 'when', value: at11, start: 0, end: 4, text: 'в 11' }] });
    expect(run.slots()).to.deep.include({ item: 'b' }).and.not.have.property('when');
    expect(run.awaiting()).to.equal('when');
    expect(run.actor.getSnapshot().context.cues).to.equal(undefined);
  });

  it('records a link to another flow in its output', async () => {
    const set = flowsFromString({ 'flows/a.yaml': 'flow: a\nsteps:\n  - link: b\n', 'flows/b.yaml': 'flow: b\nsteps:\n  - say: done\n' });
    const actor = createActor(set.machines.get('a')!, { input: { conversation: { id: 'x', channel: 't', userId: '1' } } }).start();
    expect(actor.getSnapshot().output.link).to.equal('b');
  });
});

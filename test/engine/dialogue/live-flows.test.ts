/** Flow actors kept running between turns: used only for the version of the conversation they ran. */
import { expect } from 'chai';
import { createActor, createMachine, type AnyActorRef } from 'xstate';
import { LiveFlows } from '../../../engine/dialogue/live-flows';

const waiting = createMachine({ initial: 'asking', states: { asking: {} } });
const running = (): AnyActorRef => createActor(waiting).start();

describe('live flows', () => {
  it('hand a turn the actors saved with the version it loaded, once', () => {
    const live = new LiveFlows(10);
    const actor = running();
    live.keep('telegram:1', 4, [{ flow: 'booking', actor }]);
    expect(live.take('telegram:1', 4)).to.deep.equal([{ flow: 'booking', actor }]);
    expect(live.take('telegram:1', 4)).to.equal(undefined);
  });

  it('stop and drop actors of another version: the conversation changed elsewhere', () => {
    const live = new LiveFlows(10);
    const actor = running();
    live.keep('telegram:1', 4, [{ flow: 'booking', actor }]);
    expect(live.take('telegram:1', 5)).to.equal(undefined);
    expect(actor.getSnapshot().status).to.equal('stopped');
    expect(live.size).to.equal(0);
  });

  it('make room by stopping the least recently kept conversation', () => {
    const live = new LiveFlows(2);
    const [a, b, c] = [running(), running(), running()];
    live.keep('web:a', 1, [{ flow: 'booking', actor: a }]);
    live.keep('web:b', 1, [{ flow: 'booking', actor: b }]);
    live.keep('web:a', 2, [{ flow: 'booking', actor: a }]);
    live.keep('web:c', 1, [{ flow: 'cancel', actor: c }]);
    expect(live.size).to.equal(2);
    expect(b.getSnapshot().status).to.equal('stopped');
    expect(live.take('web:a', 2)).to.have.length(1);
  });

  it('keep nothing when no flow is running, or when switched off', () => {
    const live = new LiveFlows(0);
    const actor = running();
    live.keep('web:a', 1, [{ flow: 'booking', actor }]);
    expect(live.size).to.equal(0);
    expect(actor.getSnapshot().status).to.equal('stopped');
    const enabled = new LiveFlows(5);
    enabled.keep('web:b', 1, [{ flow: 'booking' }]);
    expect(enabled.size).to.equal(0);
  });
});

/** Button payloads: `/slot name=value` keeps JSON values typed and everything else as written. */
import { expect } from 'chai';
import { parsePayload } from '../../../core/dialogue/understand';

describe('button payloads', () => {
  it('read a slot value as JSON when it is JSON: numbers, booleans, null, lists and objects', () => {
    expect(parsePayload('/slot confirmed=true')).to.deep.equal({ kind: 'slot', slot: 'confirmed', value: true });
    expect(parsePayload('/slot count=-2.5e1')).to.deep.equal({ kind: 'slot', slot: 'count', value: -25 });
    expect(parsePayload('/slot service=["manicure_gel","design"]')).to.deep.equal({ kind: 'slot', slot: 'service', value: ['manicure_gel', 'design'] });
    expect(parsePayload('/slot when={"asap":true}')).to.deep.equal({ kind: 'slot', slot: 'when', value: { asap: true } });
  });

  it('keep words, times and ids as text', () => {
    expect(parsePayload('/slot branch=tverskaya')).to.deep.equal({ kind: 'slot', slot: 'branch', value: 'tverskaya' });
    expect(parsePayload('/slot slot=2026-11-27T18:00:00+03:00@olga')).to.deep.equal({ kind: 'slot', slot: 'slot', value: '2026-11-27T18:00:00+03:00@olga' });
    expect(parsePayload('/slot booking=B17')).to.deep.equal({ kind: 'slot', slot: 'booking', value: 'B17' });
    expect(parsePayload('/slot note=12 часов')).to.deep.equal({ kind: 'slot', slot: 'note', value: '12 часов' });
    expect(parsePayload('/slot note={не json')).to.deep.equal({ kind: 'slot', slot: 'note', value: '{не json' });
  });

  it('read intents, the resume answer and the handover, and nothing else', () => {
    expect(parsePayload('/intent booking')).to.deep.equal({ kind: 'intent', intent: 'booking' });
    expect(parsePayload('/resume no')).to.deep.equal({ kind: 'resume', yes: false });
    expect(parsePayload('/handover')).to.deep.equal({ kind: 'handover' });
    expect(parsePayload('Записаться')).to.equal(undefined);
  });
});

import { expect } from 'chai';
import type { Entity } from '../../nlu/types';
import { booking, msk, salon, when, window } from './fixtures';

/** An entity as the NLU gives it (only what the picker reads matters). */
const entity = (name: string, value: unknown, confidence = 1): Entity => ({ entity: name, value, start: 0, end: 1, text: String(value), confidence });

describe('namedBooking: the booking a guest names in words', () => {
  const pick = salon({ seed: false }).registry.pickers!.namedBooking;
  const manicure = booking({ id: 'B1', start: msk('2026-11-26 11:00'), services: ['manicure_classic'], master: 'olga', branch: 'tverskaya' });
  const lashes = booking({ id: 'B2', start: msk('2026-12-01 17:00'), services: ['lash_lamination'], master: 'yulia', branch: 'city' });
  const pedicure = booking({ id: 'B3', start: msk('2026-12-01 11:00'), services: ['pedicure_gel'], master: 'olga', branch: 'tverskaya' });
  const slots = { upcoming: [manicure, lashes, pedicure] };
  const onDay = (day: string) => entity('when', when(window(`${day} 09:00`, '22:00')));
  const at = (time: string) => entity('when', when({ from: msk(time), to: msk(time) }));

  it('finds the booking by a service of the same kind («маникюр» is a manicure, gel or classic)', () => {
    expect(pick({ slots, entities: [entity('service', 'manicure_gel')], awaited: true })?.value).to.equal('B1');
  });

  it('finds it by its day when the guest is asked which booking', () => {
    expect(pick({ slots, entities: [at('2026-12-01 17:00')], awaited: true })?.value).to.equal('B2');
  });

  it('combines what the guest says: the master and the day point at one booking', () => {
    const named = pick({ slots, entities: [entity('master', 'olga'), onDay('2026-12-01')], awaited: true });
    expect(named?.value).to.equal('B3');
    expect(named?.entities.map((e) => e.entity)).to.deep.equal(['master', 'when']);
  });

  it('names nothing when two bookings fit', () => {
    expect(pick({ slots, entities: [onDay('2026-12-01')], awaited: true })).to.equal(undefined);
    expect(pick({ slots, entities: [entity('master', 'olga')], awaited: true })).to.equal(undefined);
  });

  it('reads a day alone as the new time while another question is asked', () => {
    expect(pick({ slots, entities: [at('2026-11-26 11:00')], awaited: false })).to.equal(undefined);
  });

  it('keeps the booking\'s own time out of the new one: «маникюр 26.11 11:00» uses up both', () => {
    const named = pick({ slots, entities: [entity('service', 'manicure_gel'), at('2026-11-26 11:00')], awaited: false });
    expect(named).to.deep.include({ value: 'B1' });
    expect(named?.entities).to.have.length(2);
  });

  it('leaves a time that fits no booking to be the new time: «педикюр на пятницу»', () => {
    const named = pick({ slots, entities: [entity('service', 'pedicure_gel'), onDay('2026-11-27')], awaited: false });
    expect(named?.value).to.equal('B3');
    expect(named?.entities.map((e) => e.entity)).to.deep.equal(['service']);
  });

  it('does not let an unsure guess pick a booking the guest was not asked about', () => {
    expect(pick({ slots, entities: [entity('service', 'lash_extension', 0.6)], awaited: false })).to.equal(undefined);
    expect(pick({ slots, entities: [entity('service', 'lash_extension', 0.6)], awaited: true })?.value).to.equal('B2');
  });

  it('has nothing to choose from with one booking or none', () => {
    expect(pick({ slots: { upcoming: [manicure] }, entities: [entity('service', 'manicure_gel')], awaited: true })).to.equal(undefined);
    expect(pick({ slots: {}, entities: [entity('service', 'manicure_gel')], awaited: true })).to.equal(undefined);
  });
});

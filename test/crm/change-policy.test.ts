import { expect } from 'chai';
import { canChangeBooking } from '../../crm';
import { msk, NOW, rules } from './fixtures';

describe('canChangeBooking', () => {
  it('allows a change 5 hours before the start', () => {
    expect(canChangeBooking({ status: 'booked', start: msk('2026-11-24 17:00') }, NOW, rules)).to.deep.equal({ allowed: true, hoursLeft: 5 });
  });

  it('refuses a change 3 hours before the start', () => {
    expect(canChangeBooking({ status: 'booked', start: msk('2026-11-24 15:00') }, NOW, rules)).to.deep.equal({ allowed: false, hoursLeft: 3 });
  });

  it('still allows a change exactly 4 hours before', () => {
    expect(canChangeBooking({ status: 'booked', start: msk('2026-11-24 16:00') }, NOW, rules).allowed).to.equal(true);
  });

  it('refuses a booking that is cancelled or already over', () => {
    expect(canChangeBooking({ status: 'cancelled', start: msk('2026-11-30 16:00') }, NOW, rules).allowed).to.equal(false);
    expect(canChangeBooking({ status: 'booked', start: msk('2026-11-23 16:00') }, NOW, rules)).to.deep.equal({ allowed: false, hoursLeft: -20 });
  });

  it('follows the hours in the rules', () => {
    const strict = { changes: { free_until_hours: 24 } };
    expect(canChangeBooking({ status: 'booked', start: msk('2026-11-24 17:00') }, NOW, strict).allowed).to.equal(false);
  });
});

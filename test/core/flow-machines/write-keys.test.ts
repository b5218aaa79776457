import { expect } from 'chai';
import { withWriteKeys, writeKeyFor } from '../../../core/flow-machines';

describe('write keys', () => {
  it('name a write by the turn\'s message, the flow and the step, numbering a step that runs again', async () => {
    const keys = await withWriteKeys('web:s1/m:7', async () => {
      const first = writeKeyFor('booking', 'createBooking');
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [first, writeKeyFor('booking', 'createBooking'), writeKeyFor('upsell', 'addUpsell')];
    });
    expect(keys).to.deep.equal(['web:s1/m:7/booking/createBooking', 'web:s1/m:7/booking/createBooking/2', 'web:s1/m:7/upsell/addUpsell']);
  });

  it('are the same when the same message is handled again, and none outside a turn', async () => {
    const once = () => withWriteKeys('web:s1/m:7', async () => writeKeyFor('cancel', 'cancelBooking'));
    expect(await once()).to.equal(await once());
    expect(writeKeyFor('cancel', 'cancelBooking')).to.equal(undefined);
  });
});

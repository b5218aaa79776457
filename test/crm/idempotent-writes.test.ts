/** The demo CRM honours idempotency keys: a write replayed with its key returns the first result and writes nothing. */
import { expect } from 'chai';
import { CrmError, type ComplaintInput } from '../../crm';
import { emptyCrm, msk, request } from './fixtures';

const complaint: ComplaintInput = {
  phone: '+79990000001', branch: 'tverskaya', visitDate: '2026-11-20', master: 'olga', service: 'manicure_gel',
  description: 'Скол на второй день', outcome: 'free_fix', withinGuarantee: true,
};

describe('idempotent CRM writes (demo CRM)', () => {
  it('books once for a key: the replay returns the first booking, even though its slot is now taken by it', async () => {
    const { crm } = emptyCrm();
    const key = { idempotencyKey: 'web:s1/m:7/booking/createBooking' };
    const first = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }), key);
    const again = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }), key);
    expect(again).to.deep.equal(first);
    expect(await crm.listBookings()).to.have.length(1);
  });

  it('moves, adds a service, cancels and stores a ticket once per key', async () => {
    const { crm } = emptyCrm();
    const booking = await crm.createBooking(request({ services: ['manicure_gel'], master: 'olga', start: msk('2026-11-25 10:00') }));
    const moved = await crm.moveBooking(booking.id, { start: msk('2026-11-25 14:00') }, { idempotencyKey: 'k/move' });
    // The same key again, though the guest's second wish would be another time: the first result stands.
    expect(await crm.moveBooking(booking.id, { start: msk('2026-11-25 16:00') }, { idempotencyKey: 'k/move' })).to.deep.equal(moved);
    expect((await crm.getBooking(booking.id))?.start).to.equal(msk('2026-11-25 14:00'));

    const added = await crm.addServices(booking.id, ['nail_design'], { idempotencyKey: 'k/upsell' });
    expect(await crm.addServices(booking.id, ['nail_design'], { idempotencyKey: 'k/upsell' })).to.deep.equal(added);

    const ticket = await crm.createComplaintTicket(complaint, { idempotencyKey: 'k/ticket' });
    expect(await crm.createComplaintTicket(complaint, { idempotencyKey: 'k/ticket' })).to.deep.equal(ticket);
    expect(await crm.listTickets()).to.have.length(1);

    const cancelled = await crm.cancelBooking(booking.id, { idempotencyKey: 'k/cancel' });
    expect(await crm.cancelBooking(booking.id, { idempotencyKey: 'k/cancel' })).to.deep.equal(cancelled);
  });

  it('writes again without a key, and refuses a key reused for another operation', async () => {
    const { crm } = emptyCrm();
    await crm.createComplaintTicket(complaint);
    await crm.createComplaintTicket(complaint);
    expect(await crm.listTickets()).to.have.length(2);

    const booking = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }), { idempotencyKey: 'k/1' });
    const error = await crm.cancelBooking(booking.id, { idempotencyKey: 'k/1' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(CrmError);
    expect((error as Error).message).to.match(/"k\/1" was used for createBooking, not cancelBooking/);
    expect((await crm.getBooking(booking.id))?.status).to.equal('booked');
  });

  it('records nothing for a write that failed: the replay tries again', async () => {
    const { crm } = emptyCrm();
    const blocker = await crm.createBooking(request({ start: msk('2026-11-25 10:00') }));
    const taken = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), phone: '+79161112233', guestName: 'Вера' }), { idempotencyKey: 'k/2' }).catch((e: unknown) => e);
    expect(taken).to.have.property('name', 'SlotTakenError');
    await crm.cancelBooking(blocker.id);
    const booked = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), phone: '+79161112233', guestName: 'Вера' }), { idempotencyKey: 'k/2' });
    expect(booked.status).to.equal('booked');
  });
});

import { expect } from 'chai';
import { CrmError, TicketNotFoundError, type ComplaintInput } from '../../crm';
import { emptyCrm, msk, request } from './fixtures';

const complaint = (withinGuarantee: boolean): ComplaintInput => ({
  phone: '+79990000004', branch: 'tverskaya', visitDate: '2026-11-21', master: 'marina', service: 'manicure_gel',
  description: 'отошло покрытие на двух ногтях', outcome: 'free_fix', withinGuarantee,
});

describe('a free fix under the guarantee', () => {
  it('is booked at no charge and names the ticket it fixes', async () => {
    const { crm } = emptyCrm();
    const ticket = await crm.createComplaintTicket(complaint(true));
    const fix = await crm.createBooking(request({ master: 'marina', start: msk('2026-11-25 17:30'), phone: '+79990000004', guestName: 'Ирина', guaranteeFix: { ticketId: ticket.id } }));
    expect(fix).to.include({ price: 0, guaranteeTicketId: 'T1' });
    expect(await crm.getBooking(fix.id)).to.deep.equal(fix);
    const paid = await crm.createBooking(request({ master: 'marina', start: msk('2026-11-26 17:30'), phone: '+79990000004', guestName: 'Ирина' }));
    expect(paid.price).to.equal(2900);
    expect(paid).to.not.have.property('guaranteeTicketId');
  });

  it('stays free when moved, and charges only what is added to it', async () => {
    const { crm } = emptyCrm();
    const ticket = await crm.createComplaintTicket(complaint(true));
    const fix = await crm.createBooking(request({ master: 'marina', start: msk('2026-11-25 17:30'), phone: '+79990000004', guestName: 'Ирина', guaranteeFix: { ticketId: ticket.id } }));
    // Ольга is a top master: her price is higher, the fix is still free.
    expect((await crm.moveBooking(fix.id, { start: msk('2026-11-26 12:00'), master: 'olga' })).price).to.equal(0);
    const withDesign = await crm.addServices(fix.id, ['nail_design']);
    expect(withDesign.price).to.be.greaterThan(0);
    expect(withDesign.price).to.equal((await crm.createBooking(request({ services: ['nail_design'], master: 'olga', start: msk('2026-11-27 10:00') }))).price);
  });

  it('is refused for a ticket outside the guarantee or one that does not exist', async () => {
    const { crm } = emptyCrm();
    const outside = await crm.createComplaintTicket(complaint(false));
    const late = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), guaranteeFix: { ticketId: outside.id } })).catch((e: unknown) => e);
    expect(late).to.be.instanceOf(CrmError);
    expect((late as Error).message).to.match(/^ticket T1 is outside the guarantee: its fix is not free/);
    const unknown = await crm.createBooking(request({ start: msk('2026-11-25 10:00'), guaranteeFix: { ticketId: 'T9' } })).catch((e: unknown) => e);
    expect(unknown).to.be.instanceOf(TicketNotFoundError);
    expect(await crm.listBookings()).to.deep.equal([]);
  });
});

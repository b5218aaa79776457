/**
 * Rescheduling and cancelling through the whole assistant, with the demo guests: Анна Петрова (one
 * upcoming pedicure on Friday 27 November at 15:00), Мария Соколова (two upcoming bookings) and
 * Екатерина Волкова (a visit three hours from now, too close to change).
 */
import { expect } from 'chai';
import { conversation, offersOf, PHONES, reachableClients, TEST_CODE, upcomingOf, type Conversation } from './conversation';

describe('rescheduling and cancelling', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  it('moves the only booking of a guest the channel already knows, without asking the phone', async () => {
    chat = await conversation({ user: 'anna', knownAs: PHONES.anna });
    const [before] = await upcomingOf(chat.assistant, PHONES.anna);
    await chat.says('перенесите мою запись пожалуйста');
    expect(chat.last).to.include({ intent: 'reschedule', flow: 'reschedule', awaiting: 'when' });
    // The guest sees which booking is moved before choosing the new time.
    expect(chat.responses()).to.deep.equal(['reschedule_booking_found', 'ask_new_when']);
    expect(chat.replyText()).to.contain('Ваша запись: педикюр с покрытием гель-лак, пт, 27 ноября, 15:00, «Тверская», мастер Марина Ковалёва.');
    expect(chat.last.slots.booking).to.equal(before.id);

    await chat.says('в пятницу вечером');
    expect(chat.responses()).to.deep.equal(['offer_slots']);
    const [offer] = offersOf(chat.last);
    expect(offer).to.deep.include({ branch: before.branch, master: before.master, services: before.services });
    expect(offer.start.startsWith('2026-11-27')).to.equal(true);
    await chat.says('1');
    expect(chat.responses()).to.deep.equal(['confirm_reschedule']);
    expect(chat.replyText()).to.contain('15:00').and.contain(offer.start.slice(11, 16));

    await chat.says('да');
    expect(chat.responses()).to.deep.equal(['booking_rescheduled']);
    expect(chat.last.flow).to.equal(null);
    expect(await chat.assistant.crm.getBooking(before.id)).to.deep.include({ status: 'booked', start: offer.start });
  });

  it('asks an unknown guest for the phone, verifies it with a code, then asks which of several bookings to cancel', async () => {
    const identity = reachableClients();
    chat = await conversation({ user: 'maria', identity });
    await chat.says('хочу отменить запись');
    expect(chat.last).to.include({ intent: 'cancel', flow: 'identify', awaiting: 'phone' });
    expect(chat.responses()).to.deep.equal(['ask_phone_identify']);

    await chat.says('89990000002');
    expect(chat.responses()).to.deep.equal(['ask_identity_code']);
    expect(identity.sent.map((s) => s.client)).to.deep.equal([(await chat.assistant.crm.findClientByPhone(PHONES.maria))!.id]);
    await chat.says(TEST_CODE);
    expect(chat.last).to.include({ flow: 'cancel', awaiting: 'booking' });
    expect(chat.responses()).to.deep.equal(['pick_booking']);
    const [first, second] = await upcomingOf(chat.assistant, PHONES.maria);
    expect(chat.buttons().map((b) => b.payload)).to.deep.equal([`/slot booking=${first.id}`, `/slot booking=${second.id}`]);

    await chat.presses(chat.buttons()[1].payload);
    expect(chat.responses()).to.deep.equal(['confirm_cancel']);
    await chat.says('да, отменяйте');
    expect(chat.responses()).to.deep.equal(['booking_cancelled']);
    expect((await chat.assistant.crm.getBooking(second.id))?.status).to.equal('cancelled');
    expect((await chat.assistant.crm.getBooking(first.id))?.status).to.equal('booked');
  });

  it('remembers the guest whose phone was verified: the next change does not ask it again', async () => {
    chat = await conversation({ user: 'anna-again', identity: reachableClients() });
    await chat.says('отмените запись');
    await chat.says('+7 999 000-00-01');
    await chat.says(TEST_CODE);
    await chat.says('нет');
    expect(chat.responses()).to.deep.equal(['cancel_kept']);
    await chat.says('хочу перенести запись');
    expect(chat.said().filter((key) => key === 'ask_phone_identify')).to.have.length(1);
    expect(chat.last.awaiting).to.equal('when');
  });

  it('asks once more for an unknown phone, then offers an administrator', async () => {
    chat = await conversation({ user: 'nobody' });
    await chat.says('отмените запись');
    await chat.says('+79991112233');
    expect(chat.responses()).to.deep.equal(['client_not_found']);
    expect(chat.last).to.include({ flow: 'identify', awaiting: 'phone' });
    await chat.says('+79991112244');
    expect(chat.responses()).to.deep.equal(['client_still_not_found']);
    expect(chat.buttons().map((b) => b.payload)).to.deep.equal(['/handover']);
    expect(chat.last.flow).to.equal(null);
    await chat.presses('/handover');
    expect(chat.last.handedOver).to.equal(true);
  });

  it('refuses to cancel a visit less than 4 hours away and hands the guest over', async () => {
    chat = await conversation({ user: 'katya', knownAs: PHONES.katya });
    const [visit] = await upcomingOf(chat.assistant, PHONES.katya);
    await chat.says('отмените запись');
    expect(chat.responses()).to.deep.equal(['change_too_late']);
    expect(chat.last.handedOver).to.equal(true);
    expect(chat.last.events).to.deep.include({ type: 'handover', reason: 'change_too_late' });
    expect((await chat.assistant.crm.getBooking(visit.id))?.status).to.equal('booked');
    await chat.says('ну пожалуйста');
    expect(chat.last.replies).to.deep.equal([]);
  });

  it('refuses to move a visit less than 4 hours away for a known guest too', async () => {
    chat = await conversation({ user: 'katya-known', knownAs: PHONES.katya });
    const [visit] = await upcomingOf(chat.assistant, PHONES.katya);
    await chat.says('можно перенести запись на завтра?');
    expect(chat.responses()).to.deep.equal(['change_too_late']);
    expect(chat.last.handedOver).to.equal(true);
    expect((await chat.assistant.crm.getBooking(visit.id))?.start).to.equal(visit.start);
  });

  it('keeps the booking when the guest says no to the cancellation', async () => {
    chat = await conversation({ user: 'anna-keeps', knownAs: PHONES.anna });
    const [visit] = await upcomingOf(chat.assistant, PHONES.anna);
    await chat.says('отмените запись');
    expect(chat.responses()).to.deep.equal(['confirm_cancel']);
    expect(chat.replyText()).to.contain('педикюр');
    await chat.says('нет');
    expect(chat.responses()).to.deep.equal(['cancel_kept']);
    expect((await chat.assistant.crm.getBooking(visit.id))?.status).to.equal('booked');
  });

  it('keeps the time when the guest says no to the new one', async () => {
    chat = await conversation({ user: 'anna-stays', knownAs: PHONES.anna });
    const [visit] = await upcomingOf(chat.assistant, PHONES.anna);
    await chat.says('перенесите запись');
    await chat.says('в субботу');
    await chat.says('1');
    await chat.presses('/intent deny');
    expect(chat.responses()).to.deep.equal(['reschedule_kept']);
    expect((await chat.assistant.crm.getBooking(visit.id))?.start).to.equal(visit.start);
  });
});

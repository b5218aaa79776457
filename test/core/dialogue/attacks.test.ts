/**
 * A stranger in the web chat tries what the security review did with crafted button payloads: cancel,
 * move and add services to other guests' bookings, cancel inside the 4-hour window with a forged list,
 * and rewrite another guest's complaint ticket. Nothing of another guest may change.
 */
import { expect } from 'chai';
import type { Booking, Ticket } from '../../../crm';
import type { DemoCrmFixtures } from '../../../crm/demo/fixtures';
import { conversation, PHONES, upcomingOf, type Conversation } from './conversation';

/** What must not change of a booking that is not the attacker's. */
const essence = (b: Booking) => ({ id: b.id, status: b.status, start: b.start, master: b.master, services: b.services, clientId: b.clientId });

async function bookingsOf(chat: Conversation): Promise<ReturnType<typeof essence>[]> {
  return (await chat.assistant.crm.listBookings()).map(essence);
}

function ticketsOf(chat: Conversation): Promise<Ticket[]> {
  return (chat.assistant.crm as unknown as DemoCrmFixtures).listTickets();
}

/** The last turn refused the pressed payload and said so. */
function refused(chat: Conversation): void {
  expect(chat.last.events.map((e) => e.type)).to.include('payload_refused');
  expect(chat.responses()).to.include('button_not_offered');
}

describe('a stranger with crafted button payloads', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  it('cannot cancel another guest\'s booking with /slot client= and /slot booking=', async () => {
    chat = await conversation({ user: 'web-attacker-1', channel: 'web' });
    const [victim] = await upcomingOf(chat.assistant, PHONES.maria);
    const client = await chat.assistant.crm.findClientByPhone(PHONES.maria);
    const before = await bookingsOf(chat);

    await chat.says('отмените запись');
    await chat.presses(`/slot client="${client!.id}"`);
    refused(chat);
    expect(chat.last.slots.client).to.equal(undefined);
    await chat.says('+79161230077');
    await chat.presses(`/slot booking=${victim.id}`);
    refused(chat);
    await chat.says('да');

    expect(await bookingsOf(chat)).to.deep.equal(before);
  });

  it('cannot move another guest\'s booking the same way', async () => {
    chat = await conversation({ user: 'web-attacker-2', channel: 'web' });
    const [victim] = await upcomingOf(chat.assistant, PHONES.maria);
    const client = await chat.assistant.crm.findClientByPhone(PHONES.maria);
    const before = await bookingsOf(chat);

    await chat.says('перенесите запись');
    await chat.presses(`/slot client="${client!.id}"`);
    await chat.says('+79161230077');
    await chat.presses(`/slot booking=${victim.id}`);
    await chat.says('в субботу');
    await chat.says('1');
    await chat.says('да');

    expect(await bookingsOf(chat)).to.deep.equal(before);
  });

  it('cannot add an upsell to another guest\'s booking with /slot created_booking= at the offer', async () => {
    chat = await conversation({ user: 'web-attacker-3', channel: 'web' });
    const [victim] = await upcomingOf(chat.assistant, PHONES.maria);
    await chat.says('запишите на маникюр с покрытием на тверской к ольге в пятницу после 6');
    await chat.says('1');
    await chat.says('Вера');
    await chat.says('+79161230078');
    await chat.says('да');
    expect(chat.responses()).to.include('upsell_offer');
    const own = chat.last.slots.created_booking as string;

    await chat.presses(`/slot created_booking=${victim.id}`);
    refused(chat);
    await chat.says('да');

    expect((await chat.assistant.crm.getBooking(victim.id))?.services).to.deep.equal(victim.services);
    expect((await chat.assistant.crm.getBooking(own))?.services).to.have.length(2);
  });

  it('cannot cancel a booking inside the 4-hour window with a forged list of upcoming bookings', async () => {
    chat = await conversation({ user: 'web-attacker-4', channel: 'web' });
    const [soon] = await upcomingOf(chat.assistant, PHONES.katya);
    const client = await chat.assistant.crm.findClientByPhone(PHONES.maria);
    const forged = JSON.stringify([{ ...soon, start: '2026-12-20T12:00:00+03:00' }]);

    await chat.says('отмените запись');
    await chat.presses(`/slot client="${client!.id}"`);
    await chat.says('+79161230080');
    await chat.presses(`/slot upcoming=${forged}`);
    await chat.presses(`/slot booking=${soon.id}`);
    await chat.says('да');

    expect((await chat.assistant.crm.getBooking(soon.id))?.status).to.equal('booked');
  });

  it('cannot cancel her own booking inside the 4-hour window with a forged list either', async () => {
    chat = await conversation({ user: 'katya-forges', channel: 'web', knownAs: PHONES.katya });
    const [soon] = await upcomingOf(chat.assistant, PHONES.katya);
    const later = await chat.assistant.crm.createBooking({ services: ['manicure_classic'], branch: 'tverskaya', master: 'olga', start: '2026-11-30T12:00:00+03:00', guestName: 'Екатерина', phone: PHONES.katya });
    const forged = JSON.stringify([{ ...soon, start: '2026-12-20T12:00:00+03:00' }, later]);

    await chat.says('отмените запись');
    expect(chat.last.awaiting).to.equal('booking');
    await chat.presses(`/slot upcoming=${forged}`);
    refused(chat);
    await chat.presses(`/slot booking=${soon.id}`);
    await chat.says('да');

    expect((await chat.assistant.crm.getBooking(soon.id))?.status).to.equal('booked');
  });

  it('cannot overwrite another guest\'s complaint ticket with /slot ticket=', async () => {
    chat = await conversation({ user: 'web-attacker-5', channel: 'web' });
    const victim = await chat.assistant.crm.createComplaintTicket({
      phone: PHONES.maria, branch: 'tverskaya', visitDate: '2026-11-20', master: 'olga', service: 'manicure_gel',
      description: 'Скол на второй день', outcome: 'free_fix', withinGuarantee: true,
    });

    const answers: Record<string, string> = {
      phone: '+79161230079', description: 'маникюр облез через день', branch: 'тверская', visit_date: 'вчера',
      master: 'ольга', service: 'маникюр с покрытием', photo: 'нет',
    };
    await chat.says('хочу пожаловаться');
    for (let turn = 0; turn < 12 && chat.last.awaiting && chat.last.awaiting !== 'outcome'; turn++) await chat.says(answers[chat.last.awaiting] ?? 'да');
    expect(chat.last.awaiting).to.equal('outcome');
    await chat.presses(`/slot ticket=${victim.id}`);
    refused(chat);
    await chat.says('просто отзыв');

    const tickets = await ticketsOf(chat);
    expect(tickets.find((t) => t.id === victim.id)).to.deep.include({ description: 'Скол на второй день', outcome: 'free_fix' });
  });

  it('a payload in a new conversation, with nothing offered, gets the refusal and the menu', async () => {
    chat = await conversation({ user: 'web-attacker-6', channel: 'web' });
    await chat.presses('/intent cancel');
    expect(chat.responses()).to.deep.equal(['button_not_offered', 'how_can_we_help']);
    expect(chat.buttons().map((b) => b.payload)).to.include('/intent booking');
    expect(chat.last.flow).to.equal(null);
  });
});

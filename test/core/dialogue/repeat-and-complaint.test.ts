/**
 * "Как в прошлый раз" and complaints through the whole assistant, with the demo guests: Анна Петрова
 * (manicure with Ольга at «Тверская» three weeks ago), Ирина Морозова (a manicure with gel polish three
 * days ago, within its 7-day guarantee) and Татьяна Лебедева (a haircut 20 days ago, outside it).
 */
import { expect } from 'chai';
import { conversation, createdBooking, offersOf, PHONES, reachableClients, TEST_CODE, type Conversation } from './conversation';

interface TicketRow {
  id: number;
  client_id: number | null;
  branch: string;
  visit_date: string;
  master: string;
  service: string;
  description: string;
  photo: string | null;
  outcome: string;
  within_guarantee: number;
}

/** The complaint tickets of the demo CRM (the port has no way to list them). */
function tickets(chat: Conversation): TicketRow[] {
  return chat.assistant.db.prepare('SELECT * FROM crm_tickets ORDER BY id').all() as TicketRow[];
}

/** The questions a complaint asks about the visit, which history answers for a known guest. */
const VISIT_QUESTIONS = ['ask_complaint_branch', 'ask_visit_date', 'ask_complaint_master', 'ask_complaint_service'];

describe('repeat_last', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  it('books Анна Петрова as last time: service, master and branch from her last visit, asking only the time', async () => {
    chat = await conversation({ user: 'anna', knownAs: PHONES.anna });
    await chat.says('запишите как в прошлый раз');
    expect(chat.last.intent).to.equal('repeat_last');
    expect(chat.responses()).to.deep.equal(['repeat_last_found', 'ask_when']);
    expect(chat.replyText()).to.contain('Ольга Смирнова').and.contain('«Тверская»');
    expect(chat.last).to.include({ flow: 'booking', awaiting: 'when' });
    expect(chat.last.slots).to.deep.include({ service: ['manicure_gel'], master: 'olga', branch: 'tverskaya' });

    await chat.says('в пятницу после 6');
    expect(offersOf(chat.last).every((o) => o.master === 'olga' && o.branch === 'tverskaya')).to.equal(true);
    await chat.presses(chat.buttons()[0].payload);
    expect(chat.responses()).to.deep.equal(['confirm_booking']);
    await chat.says('да');
    expect(await createdBooking(chat)).to.deep.include({ services: ['manicure_gel'], master: 'olga', branch: 'tverskaya', guestName: 'Анна Петрова', phone: PHONES.anna });
    expect(chat.said()).to.not.include.members(['ask_service', 'ask_branch', 'ask_master', 'ask_guest_name', 'ask_phone']);
  });

  it('asks a guest the channel does not know for the phone first', async () => {
    chat = await conversation({ user: 'anna-new-phone', identity: reachableClients() });
    await chat.says('хочу как в прошлый раз');
    expect(chat.responses()).to.deep.equal(['ask_phone_identify']);
    await chat.says('+79990000001');
    expect(chat.responses()).to.deep.equal(['ask_identity_code']);
    await chat.says(TEST_CODE);
    expect(chat.responses()).to.deep.equal(['repeat_last_found', 'ask_when']);
    expect(chat.last.slots).to.deep.include({ service: ['manicure_gel'], master: 'olga', branch: 'tverskaya' });
  });
});

describe('complaint', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  it('within the guarantee: a ticket, the offer of a free fix, then the fix booked — asking only what history lacks', async () => {
    chat = await conversation({ user: 'irina', knownAs: PHONES.irina });
    await chat.says('у меня отошло покрытие');
    expect(chat.last).to.include({ intent: 'complaint', flow: 'complaint', awaiting: 'description' });
    expect(chat.responses()).to.deep.equal(['complaint_sorry', 'ask_description']);
    const prefilled = chat.last.slots;
    expect(prefilled).to.deep.include({ branch: 'tverskaya', service: ['manicure_gel'] });
    expect((prefilled.visit_date as { source: string }).source).to.equal('21 ноября');

    // A story that mentions a time and a service does not change what history said.
    await chat.says('через два дня после маникюра откололось на двух ногтях');
    expect(chat.last.slots.description).to.equal('через два дня после маникюра откололось на двух ногтях');
    expect(chat.last.slots.visit_date).to.deep.equal(prefilled.visit_date);
    expect(chat.last.awaiting).to.equal('photo');

    await chat.sends({ attachments: [{ type: 'image', fileId: 'photo-17' }] });
    expect(chat.last.slots.photo).to.equal('photo-17');
    expect(chat.last.awaiting).to.equal('outcome');

    await chat.says('исправьте пожалуйста');
    expect(chat.responses()).to.deep.equal(['complaint_ticket_created', 'complaint_within_guarantee_offer_fix']);
    expect(chat.replyText()).to.contain('28 ноября');
    const [ticket] = tickets(chat);
    expect(ticket).to.deep.include({
      branch: 'tverskaya', visit_date: '2026-11-21', master: prefilled.master, service: 'manicure_gel', photo: 'photo-17',
      outcome: 'free_fix', within_guarantee: 1, description: 'через два дня после маникюра откололось на двух ногтях',
    });

    await chat.says('да');
    expect(chat.last).to.include({ flow: 'booking', awaiting: 'when' });
    expect(chat.last.slots).to.deep.include({ service: ['manicure_gel'], branch: 'tverskaya', master: prefilled.master });
    await chat.says('завтра вечером');
    await chat.presses(chat.buttons()[0].payload);
    await chat.says('да');
    expect(await createdBooking(chat)).to.deep.include({ services: ['manicure_gel'], master: prefilled.master, phone: PHONES.irina });
    expect(chat.said()).to.not.include.members([...VISIT_QUESTIONS, 'upsell_offer', 'ask_phone']);
    expect(chat.said().filter((key) => key === 'complaint_sorry')).to.have.length(1);
  });

  it('outside the guarantee: a ticket and a handover to the senior administrator', async () => {
    chat = await conversation({ user: 'tatiana', identity: reachableClients() });
    await chat.says('мне не понравилась стрижка');
    expect(chat.responses()).to.deep.equal(['complaint_sorry', 'ask_phone_identify']);
    await chat.says('+79990000005');
    await chat.says(TEST_CODE);
    expect(chat.responses()).to.deep.equal(['ask_description']);
    expect(chat.last.slots).to.deep.include({ branch: 'patriki', master: 'elena', service: ['haircut_women'] });
    await chat.says('криво подстригли, чёлка разной длины');
    await chat.pressesButton('Без фото');
    expect(chat.last.slots.photo).to.equal('none');
    await chat.says('переделать');
    expect(chat.responses()).to.deep.equal(['complaint_ticket_created', 'complaint_outside_guarantee_handover']);
    expect(chat.last.handedOver).to.equal(true);
    expect(chat.last.events).to.deep.include({ type: 'handover', reason: 'complaint' });
    const [ticket] = tickets(chat);
    expect(ticket).to.deep.include({ branch: 'patriki', master: 'elena', service: 'haircut_women', photo: null, within_guarantee: 0, visit_date: '2026-11-04' });
    expect(chat.said()).to.not.include.members(VISIT_QUESTIONS);
  });

  it('asks about the visit when history does not have it, one question at a time', async () => {
    // Мария Соколова had manicures and lashes: no visit matches a complaint about brows.
    chat = await conversation({ user: 'maria', knownAs: PHONES.maria });
    await chat.says('мне плохо сделали брови');
    expect(chat.responses()).to.deep.equal(['complaint_sorry', 'ask_complaint_branch']);
    expect(chat.last.slots.service).to.deep.equal(['brow_shape']);
    await chat.says('на Патриарших');
    expect(chat.responses()).to.deep.equal(['ask_visit_date']);
    expect(chat.last).to.include({ flow: 'complaint', awaiting: 'visit_date' });
    expect(chat.said()).to.deep.equal(['complaint_sorry', 'ask_complaint_branch', 'ask_visit_date']);
  });

  it('takes a bare service name as the visit\'s service, not as a new booking', async () => {
    // Екатерина Волкова's history does not say where her visit was: the complaint asks the branch.
    chat = await conversation({ user: 'katya', knownAs: PHONES.katya });
    await chat.says('у меня жалоба');
    expect(chat.last).to.include({ flow: 'complaint', awaiting: 'branch' });
    await chat.says('маникюр');
    expect(chat.last).to.include({ flow: 'complaint', awaiting: 'branch' });
    expect(chat.last.slots.service).to.deep.equal(['manicure_gel']);
    // A request with words of its own still starts a booking.
    await chat.says('запишите меня на маникюр');
    expect(chat.last.flow).to.equal('booking');
  });

  it('does not start a booking from a bare service name while the complaint asks who the guest is', async () => {
    chat = await conversation({ user: 'stranger' });
    await chat.says('у меня жалоба');
    expect(chat.last).to.include({ flow: 'identify', awaiting: 'phone' });
    await chat.says('маникюр');
    expect(chat.last).to.include({ flow: 'identify', awaiting: 'phone' });
  });
});

/**
 * A phone number alone is not an identity. A typed number of a known client is a claim: the assistant
 * verifies it with a one-time code sent to a chat already verified for her, or, where it cannot, shows
 * only masked details and hands the change to an administrator. A claim never links the session.
 */
import { expect } from 'chai';
import { conversation, PHONES, reachableClients, TEST_CODE, upcomingOf, type Conversation } from './conversation';

describe('a typed phone is a claim', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  it('without a chat to send a code to: masked bookings, no change, an administrator', async () => {
    chat = await conversation({ user: 'stranger-1', channel: 'web' });
    const [first, second] = await upcomingOf(chat.assistant, PHONES.maria);
    await chat.says('отмените запись');
    await chat.says('+79990000002');
    expect(chat.responses()).to.deep.equal(['identity_unverified_bookings']);
    expect(chat.replyText()).to.contain('передаём');
    expect(chat.replyText()).to.contain(`запись на ${first.start.slice(8, 10)}.${first.start.slice(5, 7)} в ${first.start.slice(11, 16)}`);
    // Nothing that names her, her master or what she pays.
    expect(chat.replyText()).to.not.match(/Мария|Соколова|Дарья|₽|\+7/);
    expect(chat.last.events).to.deep.include({ type: 'handover', reason: 'identity_unverified' });
    expect(chat.last.slots.client).to.equal(undefined);
    for (const booking of [first, second]) expect((await chat.assistant.crm.getBooking(booking.id))?.status).to.equal('booked');
  });

  it('never links the session to the claimed client: «как в прошлый раз» then shows none of her visits', async () => {
    chat = await conversation({ user: 'stranger-2', channel: 'web' });
    await chat.says('перенесите запись');
    await chat.says('+79990000001');
    expect(await chat.assistant.crm.findClientByUser('web', 'stranger-2')).to.equal(undefined);
    const again = await conversation({ user: 'stranger-2b', channel: 'web', assistant: chat.assistant });
    await again.says('запишите как в прошлый раз');
    await again.says('+79990000001');
    expect(again.responses()[0]).to.equal('identity_unverified_repeat_last');
    expect(again.replyText()).to.not.contain('Ольга');
    expect(again.last.flow).to.equal('booking');
    expect(await chat.assistant.crm.findClientByUser('web', 'stranger-2b')).to.equal(undefined);
  });

  it('with a verified chat: the code sent there, typed back, identifies her and links the session', async () => {
    const identity = reachableClients();
    chat = await conversation({ user: 'anna-web', channel: 'web', identity });
    await chat.says('отмените запись');
    await chat.says('+79990000001');
    expect(chat.responses()).to.deep.equal(['ask_identity_code']);
    expect(chat.replyText()).to.not.contain(TEST_CODE);
    await chat.says('20 48 16');
    expect(chat.responses()).to.deep.equal(['confirm_cancel']);
    expect((await chat.assistant.crm.findClientByUser('web', 'anna-web'))?.phone).to.equal(PHONES.anna);
  });

  it('a wrong code is asked again, and three wrong codes end as unverified', async () => {
    chat = await conversation({ user: 'guesser', channel: 'web', identity: reachableClients() });
    const [visit] = await upcomingOf(chat.assistant, PHONES.anna);
    await chat.says('отмените запись');
    await chat.says('+79990000001');
    await chat.says('111111');
    expect(chat.responses()).to.deep.equal(['identity_code_wrong']);
    await chat.says('222222');
    await chat.says('333333');
    expect(chat.responses()).to.include('identity_unverified_bookings');
    expect(chat.last.handedOver).to.equal(true);
    expect((await chat.assistant.crm.getBooking(visit.id))?.status).to.equal('booked');
  });

  it('a forged challenge or code payload verifies nothing', async () => {
    chat = await conversation({ user: 'forger', channel: 'web', identity: reachableClients() });
    await chat.says('отмените запись');
    await chat.says('+79990000001');
    await chat.presses('/slot identity_challenge={"client":"C1","salt":"x","hash":"00","expires":9999999999999}');
    await chat.presses('/slot client="C1"');
    expect(chat.last.awaiting).to.equal('identity_code');
    expect(chat.last.slots.client).to.equal(undefined);
  });
});

describe('what a guest booked in this conversation is hers', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  async function booksWith(phone: string): Promise<string> {
    await chat.says('запишите на маникюр с покрытием на тверской к ольге в пятницу после 6');
    await chat.says('1');
    await chat.says('Света');
    await chat.says(phone);
    await chat.says('да');
    await chat.says('нет');
    return chat.turns.flatMap((t) => (typeof t.slots.created_booking === 'string' ? [t.slots.created_booking] : [])).at(-1)!;
  }

  it('she may cancel the booking she just made, though her typed phone is not verified', async () => {
    chat = await conversation({ user: 'web-booker', channel: 'web' });
    const id = await booksWith('+79161234455');
    await chat.says('а можно отменить эту запись?');
    await chat.says('+79161234455');
    expect(chat.responses()).to.deep.equal(['confirm_cancel']);
    await chat.says('да');
    expect(chat.responses()).to.deep.equal(['booking_cancelled']);
    expect((await chat.assistant.crm.getBooking(id))?.status).to.equal('cancelled');
  });

  it('booked under a known client\'s number, only that booking is offered, never her others', async () => {
    chat = await conversation({ user: 'web-for-anna', channel: 'web' });
    const [annas] = await upcomingOf(chat.assistant, PHONES.anna);
    const id = await booksWith(PHONES.anna);
    await chat.says('перенесите запись');
    await chat.says(PHONES.anna);
    expect(chat.responses()).to.deep.equal(['reschedule_booking_found', 'ask_new_when']);
    expect(chat.last.slots.booking).to.equal(id);
    expect(chat.replyText()).to.not.contain('педикюр');
    expect((await chat.assistant.crm.getBooking(annas.id))?.status).to.equal('booked');
  });
});

describe('a phone the channel vouches for is an identity', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  it('WhatsApp\'s sender number identifies her without asking', async () => {
    chat = await conversation({ user: '79990000001', channel: 'whatsapp', verifiedPhone: PHONES.anna });
    await chat.says('отмените запись');
    expect(chat.responses()).to.deep.equal(['confirm_cancel']);
    expect((await chat.assistant.crm.findClientByUser('whatsapp', '79990000001'))?.phone).to.equal(PHONES.anna);
  });

  it('her own number typed in WhatsApp is hers; another client\'s number is a claim', async () => {
    chat = await conversation({ user: '79161230000', channel: 'whatsapp', verifiedPhone: '+79161230000' });
    await chat.says('отмените запись');
    expect(chat.last.awaiting).to.equal('phone');
    await chat.says('+79990000002');
    expect(chat.responses()).to.include('identity_unverified_bookings');
  });
});

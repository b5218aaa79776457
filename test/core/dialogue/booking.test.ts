/**
 * Booking through the whole assistant: the shipped NLU, flows and content on the seeded demo CRM, on
 * Tuesday 24 November 2026 at noon (Ольга works Mon–Fri, Марина Wed–Sun at «Тверская»).
 */
import { expect } from 'chai';
import type { Assistant } from '../../../app/assistant';
import { conversation, testAssistant, createdBooking, offersOf, PHONES, type Conversation } from './conversation';

/** Every offer is at most five, nearest first, and starts inside the guest's time preference. */
function expectOffersHonour(chat: Conversation): void {
  const offers = offersOf(chat.last);
  const windows = (chat.last.slots.when as { windows: Array<{ from: string; to: string }> }).windows;
  expect(offers).to.have.length.within(1, 5);
  const starts = offers.map((o) => Date.parse(o.start));
  expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
  for (const start of starts) {
    expect(windows.some((w) => Date.parse(w.from) <= start && start <= Date.parse(w.to)), new Date(start).toISOString()).to.equal(true);
  }
  expect(chat.buttons()).to.have.length(offers.length);
}

describe('booking', () => {
  let chat: Conversation;
  afterEach(() => chat?.close());

  it('books end to end: service, branch, any master, the time wish, a slot, name, phone, yes — then offers one upsell', async () => {
    chat = await conversation({ user: 'anna' });
    await chat.says('запишите на маникюр в пятницу после 6');
    expect(chat.last).to.include({ intent: 'booking', flow: 'booking', awaiting: 'branch' });
    expect(chat.last.slots.service).to.deep.equal(['manicure_gel']);
    expect(chat.responses()).to.deep.equal(['ask_branch']);
    expect(chat.buttons().map((b) => b.payload)).to.include('/slot branch=tverskaya');

    await chat.presses('/slot branch=tverskaya');
    expect(chat.last.awaiting).to.equal('master');
    expect(chat.replyText()).to.contain('мастер');
    expect(chat.buttons().map((b) => b.payload)).to.include.members(['/slot master=olga', '/slot master=marina', '/slot master=any']);

    await chat.says('любой');
    expect(chat.last.slots.master).to.equal('any');
    expect(chat.last.awaiting).to.equal('slot');
    expect(chat.responses()).to.deep.equal(['offer_slots']);
    expect(chat.last.events).to.deep.include({ type: 'action', action: 'findFreeSlots', ok: true });
    expectOffersHonour(chat);
    const [first] = offersOf(chat.last);
    expect(first.start).to.equal('2026-11-27T18:00:00+03:00');

    await chat.presses(chat.buttons()[0].payload);
    expect(chat.last.awaiting).to.equal('guest_name');
    await chat.says('Анна');
    expect(chat.last).to.include({ awaiting: 'phone' });
    expect(chat.last.slots.guest_name).to.equal('Анна');
    await chat.says('8 916 123-45-67');
    expect(chat.last.awaiting).to.equal('confirmed');
    expect(chat.responses()).to.deep.equal(['confirm_booking']);
    expect(chat.replyText()).to.contain('Анна').and.contain('27 ноября, 18:00').and.contain('«Тверская»');

    await chat.says('да');
    expect(chat.responses()).to.deep.equal(['booking_confirmed', 'upsell_offer']);
    expect(chat.last).to.include({ flow: 'upsell', awaiting: 'upsell_accepted' });
    const booking = await createdBooking(chat);
    expect(booking).to.deep.include({
      status: 'booked', services: ['manicure_gel'], branch: 'tverskaya', master: first.master, start: first.start,
      guestName: 'Анна', phone: '+79161234567',
    });

    await chat.says('нет, спасибо');
    expect(chat.responses()).to.deep.equal(['upsell_declined']);
    expect(chat.last.flow).to.equal(null);
    await chat.says('спасибо!');
    expect(chat.said().filter((key) => key === 'upsell_offer')).to.have.length(1);
    expect((await chat.assistant.crm.getBooking(booking.id))?.services).to.deep.equal(['manicure_gel']);
  });

  it('adds the upsell to the booking when the guest accepts it', async () => {
    chat = await conversation({ user: 'upsell', knownAs: PHONES.anna });
    await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу после 6');
    await chat.presses(chat.buttons()[0].payload);
    expect(chat.responses()).to.deep.equal(['confirm_booking']);
    await chat.says('да');
    await chat.says('да');
    expect(chat.responses()).to.deep.equal(['upsell_added']);
    expect((await createdBooking(chat)).services).to.deep.equal(['manicure_gel', 'nail_design']);
  });

  it("books someone else on the guest's own phone: «запишите маму, Тамару Ивановну»", async () => {
    chat = await conversation({ user: 'anna-for-mum', knownAs: PHONES.anna });
    await chat.says('запишите маму, Тамару Ивановну, на педикюр на Тверскую в четверг');
    expect(chat.last.slots).to.deep.include({ guest_name: 'Тамара Ивановна', service: ['pedicure_gel'], branch: 'tverskaya' });
    expect(chat.last.awaiting).to.equal('master');
    await chat.says('любой');
    await chat.presses(chat.buttons()[0].payload);
    // The name was given and the phone is the guest's own: nothing more to ask.
    expect(chat.responses()).to.deep.equal(['confirm_booking']);
    expect(chat.replyText()).to.contain('Тамара Ивановна').and.contain('***-**-01');
    await chat.says('да, всё верно');
    expect(await createdBooking(chat)).to.deep.include({ guestName: 'Тамара Ивановна', phone: PHONES.anna });
  });

  it('asks an unknown guest booking someone else for a phone, and books on it', async () => {
    chat = await conversation({ user: 'stranger-for-mum' });
    await chat.says('запишите маму, Тамару Ивановну, на педикюр на Тверскую к любому мастеру в четверг');
    await chat.presses(chat.buttons()[0].payload);
    expect(chat.responses()).to.deep.equal(['ask_phone']);
    await chat.says('+7 916 555 44 33');
    await chat.says('да');
    expect(await createdBooking(chat)).to.deep.include({ guestName: 'Тамара Ивановна', phone: '+79165554433' });
  });

  it('books several services at once, back to back with one master', async () => {
    chat = await conversation({ user: 'two-services', knownAs: PHONES.anna });
    await chat.says('хочу маникюр и педикюр в субботу утром на Тверской');
    expect(chat.last.slots.service).to.deep.equal(['manicure_gel', 'pedicure_gel']);
    await chat.says('любой');
    expectOffersHonour(chat);
    for (const offer of offersOf(chat.last)) {
      expect(offer).to.deep.include({ services: ['manicure_gel', 'pedicure_gel'], master: 'marina', minutes: 195 });
    }
    await chat.presses(chat.buttons()[0].payload);
    await chat.says('да');
    expect((await createdBooking(chat)).services).to.deep.equal(['manicure_gel', 'pedicure_gel']);
  });

  it('skips the questions whose answers come up front', async () => {
    chat = await conversation({ user: 'all-at-once' });
    await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу после 6');
    expect(chat.last.slots).to.deep.include({ service: ['manicure_gel'], branch: 'tverskaya', master: 'any' });
    expect(chat.responses()).to.deep.equal(['offer_slots']);
    expect(chat.last.awaiting).to.equal('slot');
    expectOffersHonour(chat);
  });

  it('skips the master question for a master named up front', async () => {
    chat = await conversation({ user: 'olga-fan' });
    await chat.says('хочу на маникюр к Ольге на Тверскую завтра');
    expect(chat.last.slots.master).to.equal('olga');
    expect(chat.responses()).to.deep.equal(['offer_slots']);
    expect(offersOf(chat.last).every((o) => o.master === 'olga' && o.start.startsWith('2026-11-25'))).to.equal(true);
  });

  it("says why nothing is free then (the master's day off) and offers ways out; another day is looked up", async () => {
    chat = await conversation({ user: 'day-off' });
    await chat.says('запишите на маникюр к Ольге в субботу');
    expect(chat.last.slots).to.include({ master: 'olga', branch: 'tverskaya' }); // her salon, not asked
    expect(chat.responses()).to.deep.equal(['no_slots_for_preference', 'offer_slots']);
    expect(chat.last.awaiting).to.equal('slot');
    expect(offersOf(chat.last).some((o) => o.master === 'olga')).to.equal(true);
    await chat.says('тогда в пятницу');
    expect(chat.last.awaiting).to.equal('slot');
    expect(offersOf(chat.last).every((o) => o.master === 'olga' && o.start.startsWith('2026-11-27'))).to.equal(true);
  });

  it('offers other times when the chosen slot is taken before the guest confirms', async () => {
    chat = await conversation({ user: 'too-slow', knownAs: PHONES.anna });
    await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу после 6');
    const chosen = offersOf(chat.last)[0];
    await chat.presses(chat.buttons()[0].payload);
    expect(chat.last.awaiting).to.equal('confirmed');
    await chat.assistant.crm.createBooking({ ...chosen, guestName: 'Другая гостья', phone: '+79990001122' });

    await chat.says('да');
    expect(chat.responses()).to.deep.equal(['slot_taken_meanwhile', 'offer_slots']);
    expect(chat.last.awaiting).to.equal('slot');
    expect(chat.last.slots.slot).to.equal(undefined);
    const offers = offersOf(chat.last);
    expect(offers.some((o) => o.start === chosen.start && o.master === chosen.master)).to.equal(false);

    await chat.presses(chat.buttons()[0].payload);
    expect(chat.responses()).to.deep.equal(['confirm_booking']);
    await chat.says('да');
    expect(await createdBooking(chat)).to.deep.include({ start: offers[0].start, master: offers[0].master, guestName: 'Анна Петрова' });
  });

  it('does not book when the guest says no to the summary', async () => {
    chat = await conversation({ user: 'not-sure', knownAs: PHONES.anna });
    await chat.says('запишите на маникюр на Тверскую к любому мастеру в пятницу после 6');
    await chat.presses(chat.buttons()[0].payload);
    await chat.says('нет');
    expect(chat.responses()).to.deep.equal(['booking_not_confirmed']);
    expect(chat.last.flow).to.equal(null);
    expect(chat.last.slots.created_booking).to.equal(undefined);
  });

  describe('time preferences reach the slot search', () => {
    // Searching books nothing: one assistant, one guest per test.
    let assistant: Assistant;
    before(async () => {
      assistant = await testAssistant();
    });
    after(() => assistant.close());

    const forms: Array<[string, (start: string) => boolean]> = [
      ['вечером', (start) => start.slice(11, 16) >= '17:00'],
      ['утром', (start) => start.slice(11, 16) <= '12:00'],
      ['в выходные', (start) => ['2026-11-28', '2026-11-29'].includes(start.slice(0, 10))],
      ['с 12 до 15', (start) => start.slice(11, 16) >= '12:00' && start.slice(11, 16) <= '15:00'],
      // Today, two hours from now at the earliest (the lead time).
      ['как можно скорее', (start) => start.startsWith('2026-11-24') && start.slice(11, 16) >= '14:00'],
      ['25-го', (start) => start.startsWith('2026-11-25')],
    ];
    for (const [wish, fits] of forms) {
      it(`offers the nearest free slots for «${wish}»`, async () => {
        chat = await conversation({ user: `when-${wish}`, assistant });
        await chat.says('запишите на маникюр на Тверскую к любому мастеру');
        expect(chat.last.awaiting).to.equal('when');
        await chat.says(wish);
        expect(chat.last.awaiting).to.equal('slot');
        expect(chat.responses()).to.deep.equal(['offer_slots']);
        expectOffersHonour(chat);
        const offers = offersOf(chat.last);
        for (const offer of offers) expect(fits(offer.start), offer.start).to.equal(true);
        // Nearest first: nothing free in the branch starts earlier within the wish.
        const [nearest] = await chat.assistant.crm.findFreeSlots({ services: ['manicure_gel'], branch: 'tverskaya', windows: (chat.last.slots.when as { windows: [] }).windows, limit: 1 });
        expect(offers[0].start).to.equal(nearest.start);
      });
    }
  });
});

/**
 * Random conversations in the web chat, seeded so a failure replays: each turn presses an offered
 * button, sends a forged `/slot` or `/intent` payload, or types a message from a pool (other guests'
 * phones and guessed codes among them). Whatever the guest does, no booking or ticket of another guest
 * may change.
 */
import { expect } from 'chai';
import type { Booking, Ticket } from '../../../crm';
import type { DemoCrmFixtures } from '../../../crm/demo/fixtures';
import { conversation, PHONES, testAssistant, type Conversation } from './conversation';
import type { Assistant } from '../../../app/assistant';
import { seededRandom } from '../../support/mutate';

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];

const OWN_PHONE = '+79161239900';

const TYPED = [
  'отмените запись', 'перенесите запись', 'отмените запись', 'перенесите запись', 'да', 'да', 'запишите на маникюр в пятницу после 6', 'хочу пожаловаться', 'как в прошлый раз',
  'да', 'нет', '1', '2', '3', 'в субботу', 'завтра в 15', 'тверская', 'любой', 'Вера', OWN_PHONE, 'маникюр облез через день',
  'нет фото', 'просто отзыв', 'исправить', 'стоп', 'а сколько стоит педикюр?', 'маникюр', 'ту, что 26.11',
  // Other guests' numbers: typed, they are only claims.
  PHONES.maria, PHONES.katya, '8 999 000-00-04', PHONES.tatiana, '123456', '000000',
];

const INTENTS = ['booking', 'reschedule', 'cancel', 'complaint', 'repeat_last', 'affirm', 'deny', 'inform', 'stop', 'faq', 'nlu_fallback', 'handover', 'no_such_intent'];

/** Slots an attacker aims at: the ids and lists that decide whose booking or ticket an action touches. */
const TARGETS = ['client', 'booking', 'upcoming', 'created_booking', 'ticket', 'slot', 'confirmed', 'offers', 'upsell', 'phone'];

/**
 * A payload nobody offered: most often for the awaited slot or one of `TARGETS`, with another guest's
 * ids, a forged list or a forged time; sometimes any slot, any intent or a resume answer.
 */
function forgedPayload(next: () => number, awaiting: string | null, slots: readonly string[], victims: { bookings: Booking[]; clients: string[]; tickets: string[] }): string {
  const booking = pick(next, victims.bookings);
  const forgedList = JSON.stringify([{ ...booking, start: '2026-12-20T12:00:00+03:00' }]);
  const valueFor = (slot: string): string => {
    switch (slot) {
      case 'client': return JSON.stringify(pick(next, victims.clients));
      case 'booking': case 'created_booking': return booking.id;
      case 'upcoming': return forgedList;
      case 'ticket': return pick(next, victims.tickets);
      case 'slot': return `${booking.start}@${booking.master}`;
      case 'offers': return JSON.stringify([{ start: booking.start, master: booking.master, branch: booking.branch, services: booking.services }]);
      case 'confirmed': return pick(next, ['true', 'false']);
      case 'phone': return booking.phone ?? PHONES.maria;
      default: return pick(next, [booking.id, forgedList, 'true', JSON.stringify(pick(next, victims.clients))]);
    }
  };
  const kind = next();
  const slot = kind < 0.35 && awaiting ? awaiting : kind < 0.75 ? pick(next, TARGETS) : kind < 0.85 ? pick(next, slots) : undefined;
  if (slot) return `/slot ${slot}=${valueFor(slot)}`;
  if (kind < 0.97) return `/intent ${pick(next, INTENTS)}`;
  return pick(next, ['/resume yes', '/resume no']);
}

/** What must not change of another guest's booking. */
const essence = (b: Booking) => JSON.stringify([b.id, b.status, b.start, b.end, b.master, b.branch, b.services, b.clientId, b.price]);

async function othersBookings(assistant: Assistant, own: ReadonlySet<string>): Promise<Map<string, string>> {
  const all = await assistant.crm.listBookings();
  return new Map(all.filter((b) => !own.has(b.clientId ?? '')).map((b) => [b.id, essence(b)]));
}

const ticketsOf = (assistant: Assistant): Promise<Ticket[]> => (assistant.crm as unknown as DemoCrmFixtures).listTickets();

describe('random button payloads and messages in every flow step', () => {
  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const TURNS = 150;

  for (const seed of SEEDS) {
    const asKnownGuest = seed % 2 === 0;
    it(`change no other guest's booking or ticket (seed ${seed}, ${asKnownGuest ? 'Анна, a known guest' : 'a stranger'})`, async () => {
      const assistant = await testAssistant();
      try {
        const next = seededRandom(seed);
        const maria = (await assistant.crm.findClientByPhone(PHONES.maria))!;
        await assistant.crm.createComplaintTicket({
          clientId: maria.id, phone: PHONES.maria, branch: 'tverskaya', visitDate: '2026-11-20', master: 'olga', service: 'manicure_gel',
          description: 'Скол на второй день', outcome: 'free_fix', withinGuarantee: true,
        });
        const clients = await Promise.all(Object.values(PHONES).map((phone) => assistant.crm.findClientByPhone(phone)));
        const own = new Set<string>();
        if (asKnownGuest) own.add(clients[0]!.id);
        const bookings = (await assistant.crm.listBookings()).filter((b) => b.status === 'booked' && !own.has(b.clientId ?? ''));
        const victims = { bookings, clients: clients.map((c) => c!.id).filter((id) => !own.has(id)), tickets: (await ticketsOf(assistant)).map((t) => t.id) };
        const before = await othersBookings(assistant, own);
        const ticketsBefore = JSON.stringify(await ticketsOf(assistant));
        const slots = [...assistant.flows.slots.keys()];

        let chat: Conversation = await conversation({ assistant, channel: 'web', user: `fuzz-${seed}-0`, ...(asKnownGuest && { knownAs: PHONES.anna }) });
        const steps = new Set<string>();
        let turns = 0;
        for (let turn = 0; turn < TURNS; turn++) {
          const roll = next();
          const offered = chat.turns.length > 0 ? chat.buttons() : [];
          if (offered.length > 0 && roll < 0.4) await chat.presses(pick(next, offered).payload);
          else if (roll < 0.7) await chat.presses(forgedPayload(next, chat.turns.length > 0 ? chat.last.awaiting : null, slots, victims));
          else await chat.says(pick(next, TYPED));
          steps.add(`${chat.last.flow}:${chat.last.awaiting}`);
          turns++;
          // A conversation handed to an administrator hears nothing more: the guest starts another one.
          if (chat.last.handedOver) chat = await conversation({ assistant, channel: 'web', user: `fuzz-${seed}-${turn + 1}`, ...(asKnownGuest && { knownAs: PHONES.anna }) });
        }
        // A stranger may have become a client with her own phone: her bookings are hers to change.
        const mine = await assistant.crm.findClientByPhone(OWN_PHONE);
        if (mine) own.add(mine.id);

        const after = await othersBookings(assistant, own);
        for (const [id, essenceBefore] of before) expect(after.get(id), `booking ${id} of another guest`).to.equal(essenceBefore);
        const ticketsAfter = await ticketsOf(assistant);
        expect(JSON.stringify(ticketsAfter.slice(0, victims.tickets.length)), 'the tickets that existed before').to.equal(ticketsBefore);
        expect(turns).to.equal(TURNS);
        expect(steps.size, 'flow steps the random conversation reached').to.be.greaterThan(3);
      } finally {
        assistant.close();
      }
    });
  }
});

/**
 * The shipped flows run with the salon registry on the seeded demo CRM, step by step as the dialogue
 * manager drives them (slot values in, responses out), without the NLU.
 */
import { expect } from 'chai';
import path from 'node:path';
import { FlowStack } from '../../core/dialogue/flow-stack';
import { loadFlows, type ConversationInfo, type FlowSet } from '../../core/flow-machines';
import { intentsOf, readRasaNluFile } from '../../nlu/data';
import { PHONES, responses, ROOT, salon, when, window, type Salon } from './fixtures';

interface Walk {
  stack: FlowStack;
  /** Sends slot values (or starts the flow) and returns the response keys said meanwhile. */
  answer(values: Record<string, unknown>): Promise<string[]>;
}

function walker(s: Salon): (flow: string, conversation: Partial<ConversationInfo>) => Promise<Walk & { said: string[] }> {
  const intents = intentsOf(readRasaNluFile(path.join(ROOT, 'content/intents.yaml')));
  const flows: FlowSet = loadFlows(path.join(ROOT, 'flows'), { registry: s.registry, responses, intents });
  return async (flow, conversation) => {
    const stack = new FlowStack(flows, [], { id: 'telegram:1', channel: 'telegram', userId: '1', ...conversation });
    const responsesSaid = () => stack.said.splice(0).flatMap((e) => (e.type === 'say' ? [e.response] : e.type === 'handover' ? [`handover:${e.reason}`] : []));
    await stack.start(flow, {});
    return {
      stack,
      said: responsesSaid(),
      answer: async (values) => {
        await stack.send({ type: 'SLOTS', values });
        return responsesSaid();
      },
    };
  };
}

describe('the shipped flows with the salon registry', () => {
  it('books a returning guest: time, slot, confirmation, then one upsell', async () => {
    const s = salon();
    const walk = await walker(s)('booking', { verifiedPhone: PHONES.anna });
    expect(walk.said).to.deep.equal(['ask_service']);
    expect(await walk.answer({ service: ['manicure_gel'], branch: 'tverskaya', master: 'any' })).to.deep.equal(['ask_when']);
    expect(await walk.answer({ when: when(window('2026-11-27 18:00', '22:00')) })).to.deep.equal(['offer_slots']);
    const [first] = walk.stack.slots().offers as Array<{ start: string; master: string }>;
    expect(await walk.answer({ slot: `${first.start}@${first.master}` })).to.deep.equal(['confirm_booking']);
    expect(walk.stack.slots()).to.include({ guest_name: 'Анна Петрова', phone: PHONES.anna });
    expect(await walk.answer({ confirmed: true })).to.deep.equal(['booking_confirmed', 'upsell_offer']);
    expect(await walk.answer({ upsell_accepted: true })).to.deep.equal(['upsell_added']);
    const booked = await s.crm.getBooking(walk.stack.lastOutput?.slots.created_booking as string);
    expect(booked).to.deep.include({ services: ['manicure_gel', 'nail_design'], master: first.master, start: first.start, guestName: 'Анна Петрова' });
  });

  it('hands a cancellation 3 hours before the visit over to an administrator', async () => {
    const walk = await walker(salon())('cancel', { verifiedPhone: PHONES.katya });
    expect(walk.said).to.deep.equal(['change_too_late', 'handover:change_too_late']);
  });

  it('takes a typed phone for a claim: without a chat for a code, masked bookings and an administrator', async () => {
    const walk = await walker(salon())('cancel', {});
    expect(walk.said).to.deep.equal(['ask_phone_identify']);
    expect(await walk.answer({ phone: PHONES.maria })).to.deep.equal(['identity_unverified_bookings', 'handover:identity_unverified']);
  });

  it('cancels the booking the guest picks among several', async () => {
    const s = salon();
    const walk = await walker(s)('cancel', { verifiedPhone: PHONES.maria });
    expect(walk.said).to.deep.equal(['pick_booking']);
    const [, second] = walk.stack.slots().upcoming as Array<{ id: string }>;
    expect(await walk.answer({ booking: second.id })).to.deep.equal(['confirm_cancel']);
    expect(await walk.answer({ confirmed: true })).to.deep.equal(['booking_cancelled']);
    expect((await s.crm.getBooking(second.id))?.status).to.equal('cancelled');
  });

  it('turns a complaint within the guarantee into a ticket and a free fix booking, asking only what history lacks', async () => {
    const walk = await walker(salon())('complaint', { verifiedPhone: PHONES.irina });
    expect(walk.said).to.deep.equal(['complaint_sorry', 'ask_description']);
    expect(await walk.answer({ description: 'отошло покрытие' })).to.deep.equal(['ask_photo']);
    expect(await walk.answer({ photo: 'none' })).to.deep.equal(['ask_outcome']);
    expect(await walk.answer({ outcome: 'free_fix' })).to.deep.equal(['complaint_ticket_created', 'complaint_within_guarantee_offer_fix']);
    expect(await walk.answer({ confirmed: true })).to.deep.equal(['ask_when']);
    expect(walk.stack.top).to.equal('booking');
    expect(walk.stack.slots()).to.deep.include({ service: ['manicure_gel'], branch: 'tverskaya', master: 'marina' });
  });
});

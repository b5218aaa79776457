/**
 * Running conversation i: in a sandbox of the seeded salon, draw the goal, let the guest talk to the
 * assistant until she is done, read the CRM, judge. The same seed and index give the same conversation.
 */
import { seededRandom, type Booking } from '../../crm';
import { drawGoal } from './goals';
import type { GoalKind } from './goal-types';
import { SimGuest } from './guest';
import { judge } from './judge';
import type { PhraseBank } from './phrases';
import { DEFAULT_RATES, type PerturbRates } from './perturb';
import type { Conversation, Turn, Verdict } from './record';
import type { World } from './world';

export interface RunOptions {
  seed: number;
  goal?: GoalKind;
  rates?: PerturbRates;
  maxTurns?: number;
}

export interface Judged {
  conversation: Conversation;
  verdict: Verdict;
}

/** A random of its own for every conversation: conversation i does not depend on the ones before it. */
export const conversationRandom = (seed: number, index: number) => seededRandom(((seed + 1) * 0x9e37_79b1) ^ (index * 0x85eb_ca6b));

export async function runConversation(world: World, bank: PhraseBank, index: number, options: RunOptions, judgeWith = judge): Promise<Judged> {
  return world.sandbox(async () => {
    const random = conversationRandom(options.seed, index);
    const goal = await drawGoal(random, { world, bank, index, seed: options.seed }, options.goal);
    const before = new Map<string, Booking>((await world.crm.listBookings()).map((b) => [b.id, b]));
    const guest = new SimGuest(goal, bank, random, world.mailbox, options.rates ?? DEFAULT_RATES, options.maxTurns);
    const turns: Turn[] = [];
    let last = null;
    for (;;) {
      const message = guest.next(last);
      if (!message) break;
      last = await world.assistant.engine.handle(message);
      turns.push({ said: guest.said[guest.said.length - 1], result: last });
    }
    const conversation: Conversation = {
      index, goal, turns, falseNoSlots: guest.falseNoSlots, ...(guest.gaveUp && { gaveUp: guest.gaveUp }), ...(guest.chosen && { chosen: guest.chosen }),
      before, after: await world.crm.listBookings(), tickets: await world.crm.listTickets(),
    };
    return { conversation, verdict: judgeWith(conversation) };
  });
}

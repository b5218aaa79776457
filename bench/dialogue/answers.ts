/**
 * What the guest answers to each question the flow asks, from her goal and the phrase bank: sometimes
 * a button, sometimes typed words. Returns the message and a short note of what it means.
 */
import type { TurnResult } from '../../core';
import type { Random } from '../../crm';
import type { Goal } from './goal-types';
import { svcWords } from './goals';
import { buttonFor, buttonsOf, clockOf, offersOf, type Offer } from './offers';
import { fill, list, say, type PhraseBank } from './phrases';
import { fitsWish, type Wish } from './wishes';

export interface Said {
  text?: string;
  payload?: string;
  attachments?: Array<{ type: string; fileId: string }>;
  /** Words the perturbation must leave alone (a name, a phone). */
  protect?: string[];
  /** What the guest means: `answer:when`, `button:slot`, `digression`, `change:service`… */
  note: string;
}

export interface AnswerContext {
  random: Random;
  bank: PhraseBank;
  goal: Goal;
  turn: TurnResult;
  /** The wish she holds to now. */
  wish?: Wish;
  mailbox: Map<string, string>;
}

const MONTHS = ['', 'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
/** «26 ноября» of an ISO time. */
export const dateWords = (iso: string): string => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7))]}`;

/** Presses the button with this payload value, or types the words (chance of pressing `press`). */
function pressOr(ctx: AnswerContext, slot: string, value: string, words: () => string, press = 0.45): Said {
  const button = buttonFor(ctx.turn, slot, value);
  if (button && ctx.random.chance(press)) return { payload: button.payload, note: `button:${slot}` };
  return { text: words(), note: `answer:${slot}` };
}

/** The guest's answer to the slot the flow awaits, or undefined when her goal has none. */
export function answer(ctx: AnswerContext, awaiting: string): Said | undefined {
  const { random, bank, goal } = ctx;
  const w = (key: string, values: Record<string, string> = {}) => say(random, bank, key, values);
  const services = goal.kind === 'book' ? goal.services : goal.kind === 'complaint' ? [goal.service] : goal.kind === 'repeat_last' ? goal.visit.services : [];
  const branch = goal.kind === 'book' ? goal.branch : goal.kind === 'complaint' || goal.kind === 'repeat_last' ? goal.visit.branch : undefined;
  const master = goal.kind === 'book' ? goal.master : goal.kind === 'complaint' || goal.kind === 'repeat_last' ? goal.visit.master : undefined;
  switch (awaiting) {
    case 'service':
      return { text: w(goal.kind === 'complaint' ? 'complaint_service_answers' : 'service_answers', { svc: svcWords(random, bank, services) }), note: 'answer:service' };
    case 'branch':
      return branch ? pressOr(ctx, 'branch', branch, () => w('branch_answers', { branch: random.pick(bank.branches[branch]) })) : undefined;
    case 'master':
      if (master) return pressOr(ctx, 'master', master, () => w('master_answers', { master: random.pick(bank.masters[master]) }), 0.4);
      return pressOr(ctx, 'master', 'any', () => random.pick(bank.lists.any_master_answers), 0.4);
    case 'when':
      return whenAnswer(ctx);
    case 'slot':
      return slotAnswer(ctx);
    case 'guest_name':
      if (goal.kind === 'book' && goal.forOther) {
        const o = goal.forOther;
        return { text: w('other_name_answers', { name: o.name, rel_gen: o.gen }), protect: [o.name], note: 'answer:guest_name' };
      }
      return { text: w('name_answers', { name: goal.who.name }), protect: [goal.who.name], note: 'answer:guest_name' };
    case 'phone':
      return { text: w('phone_answers', { phone: goal.who.phoneText }), protect: [goal.who.phoneText], note: 'answer:phone' };
    case 'identity_code': {
      const code = ctx.mailbox.get(goal.who.userId);
      return code ? { text: code, protect: [code], note: 'answer:identity_code' } : undefined;
    }
    case 'confirmed': {
      if (goal.kind === 'complaint') return { text: random.pick(bank.lists.fix_declines), note: 'answer:confirmed(no)' };
      // A guest reads the summary: a booking on another name than the one she means is corrected.
      const named = goal.kind === 'book' ? /На имя ([^,\n]+),/.exec(ctx.turn.replies.map((r) => r.text).join('\n'))?.[1] : undefined;
      if (goal.kind === 'book' && named !== undefined && named !== goal.expectName) {
        const o = goal.forOther;
        return { text: w(o ? 'other_name_corrections' : 'name_corrections', { name: goal.expectName, rel_gen: o?.gen ?? '' }), protect: [goal.expectName], note: 'correct:guest_name' };
      }

      const yes = buttonsOf(ctx.turn).find((b) => b.title === 'Да');
      if (yes && random.chance(0.35)) return { payload: yes.payload, note: 'button:confirmed' };
      return { text: random.pick(bank.lists[goal.kind === 'cancel' ? 'cancel_yes' : 'yes_answers']), note: 'answer:confirmed' };
    }
    case 'upsell_accepted': {
      const yes = goal.kind === 'book' && goal.acceptsUpsell;
      return { text: random.pick(bank.lists[yes ? 'upsell_yes' : 'upsell_no']), note: `answer:upsell(${yes ? 'yes' : 'no'})` };
    }
    case 'booking':
      return bookingAnswer(ctx);
    case 'description':
      return { text: random.pick(bank.lists.complaint_descriptions), note: 'answer:description' };
    case 'photo':
      if (goal.kind === 'complaint' && goal.photo) return { attachments: [{ type: 'image', fileId: `photo-${goal.who.userId}` }], note: 'photo' };
      return pressOr(ctx, 'photo', 'none', () => random.pick(bank.lists.no_photo_answers), 0.5);
    case 'outcome':
      if (goal.kind !== 'complaint') return undefined;
      return pressOr(ctx, 'outcome', goal.outcome, () => random.pick(bank.outcomes[goal.outcome]), 0.4);
    case 'visit_date':
      return goal.kind === 'complaint' ? { text: w('visit_date_answers', { date: dateWords(goal.visit.start) }), note: 'answer:visit_date' } : undefined;
    default:
      return undefined;
  }
}

function whenAnswer(ctx: AnswerContext): Said | undefined {
  const { wish, random, bank, goal } = ctx;
  if (!wish) return undefined;
  if (wish.asap) {
    const nearest = buttonsOf(ctx.turn).find((b) => b.payload.startsWith('/slot when=') && b.payload.includes('"asap":true'));
    if (nearest && random.chance(0.6)) return { payload: nearest.payload, note: 'button:when(asap)' };
    return { text: wish.text, note: 'answer:when(asap)' };
  }
  return { text: say(random, bank, goal.kind === 'reschedule' ? 'new_when_answers' : 'when_answers', { when: wish.text }), note: 'answer:when' };
}

/** The offers she would take: within her wish, at her master. */
export function fittingOffers(ctx: Pick<AnswerContext, 'goal' | 'turn' | 'wish'>): Offer[] {
  // A guest who wants her salon (and her master) does not take a time elsewhere, however well it fits.
  const { goal } = ctx;
  const wanted = goal.kind === 'book' ? { branch: goal.branch, master: goal.master }
    : goal.kind === 'repeat_last' ? { branch: goal.visit.branch, master: goal.visit.master } : {};
  return offersOf(ctx.turn).filter((o) => (!ctx.wish || fitsWish(ctx.wish, o.start))
    && (!wanted.branch || !o.branch || o.branch === wanted.branch) && (!wanted.master || !o.of || o.of === wanted.master));
}

function slotAnswer(ctx: AnswerContext): Said | undefined {
  const { random, bank } = ctx;
  const offers = offersOf(ctx.turn);
  const fitting = fittingOffers(ctx);
  if (fitting.length === 0) return undefined;
  const offer = random.pick(fitting);
  const sameTime = offers.filter((o) => clockOf(o.start) === clockOf(offer.start) && o.start.slice(0, 10) === offer.start.slice(0, 10)).length;
  const sameClock = offers.filter((o) => clockOf(o.start) === clockOf(offer.start)).length;
  const roll = random.next();
  const note = `slot:${offer.start}`;
  if (roll < 0.2 && offer.index < bank.lists.ordinals.length) return { text: say(random, bank, 'ordinal_answers', { ord: bank.lists.ordinals[offer.index] }), note: `${note}(ordinal)` };
  if (roll < 0.45 && sameTime === 1 && sameClock === 1) return { text: say(random, bank, 'time_answers', { time: clockOf(offer.start) }), note: `${note}(time)` };
  if (roll < 0.55) return { text: offer.button.title.toLowerCase(), note: `${note}(title)` };
  return { payload: offer.button.payload, note: `${note}(button)` };
}

function bookingAnswer(ctx: AnswerContext): Said | undefined {
  const { goal, random, bank } = ctx;
  if (goal.kind !== 'reschedule' && goal.kind !== 'cancel') return undefined;
  const target = goal.booking;
  const button = buttonFor(ctx.turn, 'booking', target.id);
  const others = goal.upcoming.filter((b) => b.id !== target.id);
  const dateUnique = !others.some((b) => b.start.slice(0, 10) === target.start.slice(0, 10));
  const serviceUnique = !others.some((b) => b.services.some((s) => target.services.includes(s)));
  const roll = random.next();
  const templates = list(bank, 'pick_booking_answers');
  const byDate = templates.filter((t) => t.includes('{date}'));
  const byService = templates.filter((t) => t.includes('{svc_nom}'));
  if (roll < 0.25 && dateUnique) return { text: fill(random.pick(byDate), { date: dateWords(target.start) }), note: 'answer:booking(date)' };
  if (roll < 0.4 && serviceUnique) return { text: fill(random.pick(byService), { svc_nom: svcWords(random, bank, target.services.slice(0, 1)) }), note: 'answer:booking(service)' };
  return button ? { payload: button.payload, note: 'button:booking' } : undefined;
}

/**
 * The simulated guest: reads each assistant turn (what it awaits, the buttons, the response keys) and
 * answers from her goal — now and then with a question in passing, a hesitation, a change of mind —
 * until her goal is reached by the assistant's word, she is handed to a person, or she gives up.
 */
import type { InboundMessage } from '../../common';
import type { TurnResult } from '../../core';
import type { Random } from '../../crm';
import { answer, fittingOffers, type Said } from './answers';
import type { Change, Goal } from './goal-types';
import { svcWords } from './goals';
import { offersOf, saidAny } from './offers';
import { fill, list, say, type PhraseBank } from './phrases';
import { perturb, type PerturbRates } from './perturb';
import { CHANNEL } from './world';
import type { Wish } from './wishes';

/** The order of the booking's questions: a change planned "at" one fires there or at the first later one. */
const BOOKING_ORDER = ['service', 'branch', 'master', 'when', 'slot', 'guest_name', 'phone', 'confirmed'];

export class SimGuest {
  /** Her words for each turn, as sent, with what they meant. */
  readonly said: Array<Said & { sent: InboundMessage }> = [];
  wishIndex = 0;
  /** The offer she took last (its start), and whether it was within her wish. */
  chosen?: { start: string; withinWish: boolean };
  /** The upsell she said yes to. */
  upsellAccepted = false;
  gaveUp?: string;
  done = false;
  private restarts = 0;
  private offMismatch = 0;
  private pendingQuestions: number;
  private reached = false;
  /** What she plans to do on the way (copied: the goal stays as drawn, for the judge). */
  private digression: Goal['digression'];
  private hesitateAt: Goal['hesitateAt'];
  private change: Change | undefined;

  constructor(readonly goal: Goal, private readonly bank: PhraseBank, private readonly random: Random, private readonly mailbox: Map<string, string>, private readonly rates: PerturbRates, private readonly maxTurns = 30) {
    this.pendingQuestions = goal.kind === 'faq' ? goal.questions.length : 0;
    this.digression = goal.digression;
    this.hesitateAt = goal.hesitateAt;
    this.change = goal.kind === 'book' ? goal.change : undefined;
  }

  /** Wishes the assistant said had no free time though the CRM had some (the last wish of the goal always has). */
  readonly falseNoSlots: string[] = [];
  private fallback?: Wish;
  private asapRefused = 0;

  get wish(): Wish | undefined {
    if (this.fallback) return this.fallback;
    const wishes = 'wishes' in this.goal ? this.goal.wishes : [];
    return wishes[Math.min(this.wishIndex, wishes.length - 1)];
  }

  /** Her next message after the assistant's turn (null before the first), or null when she has nothing more to say. */
  next(last: TurnResult | null): InboundMessage | null {
    if (this.done) return null;
    if (this.said.length >= this.maxTurns) return this.giveUp(`no end after ${this.maxTurns} turns`);
    const said = last ? this.reply(last) : this.opening();
    if (!said) return null;
    const message: InboundMessage = {
      channel: CHANNEL, userId: this.goal.who.userId,
      ...(this.goal.who.userName && { userName: this.goal.who.userName }),
      ...(this.goal.who.known === 'verified' && { verifiedPhone: this.goal.who.phone }),
      ...(said.text !== undefined && { text: /^\d{6}$/.test(said.text) || said.note === 'answer:phone' ? said.text : perturb(this.random, said.text, this.rates, said.protect) }),
      ...(said.payload && { payload: said.payload }),
      ...(said.attachments && { attachments: said.attachments }),
    };
    this.said.push({ ...said, sent: message });
    return message;
  }

  private opening(): Said {
    const { goal, bank, random } = this;
    const w = (key: string, values: Record<string, string> = {}) => say(random, bank, key, values);
    let text: string;
    let note = `open:${goal.kind}`;
    switch (goal.kind) {
      case 'book': {
        const templates = list(bank, goal.forOther ? 'book_for_other_openings' : 'book_openings').filter((t) => t.includes('{master}') === goal.masterInOpening);
        const template = random.pick(templates.length ? templates : list(bank, 'book_openings'));
        const branch = goal.openingBranch ?? goal.branch;
        text = fill(template, {
          svc: svcWords(random, bank, goal.openingServices),
          when: goal.whenInOpening ? goal.wishes[0].text : '',
          branch: goal.branchInOpening ? random.pick(bank.branches[branch]) : '',
          master: goal.master ? random.pick(bank.masters[goal.master]) : '',
          rel: goal.forOther?.acc ?? '',
        });
        if (goal.branchInOpening && !template.includes('{branch}')) text = `${text} ${random.pick(bank.branches[branch])}`;
        break;
      }
      case 'reschedule': text = random.pick(bank.lists.reschedule_openings); break;
      case 'cancel': text = random.pick(bank.lists.cancel_openings); break;
      case 'faq': text = goal.questions[0].text; this.pendingQuestions--; note = 'question:0'; break;
      case 'complaint': text = goal.opening; break;
      case 'handover': text = goal.midBooking ?? random.pick(bank.lists.handover_openings); break;
      case 'repeat_last': text = random.chance(0.4) ? `${random.pick(bank.lists.repeat_openings)} ${goal.wishes[0].text}` : random.pick(bank.lists.repeat_openings); break;
    }
    return { text: goal.greeting ? `${goal.greeting}, ${text}` : text, note };
  }

  private reply(turn: TurnResult): Said | null {
    const { goal } = this;
    if (saidAny(turn, 'booking_confirmed', 'booking_rescheduled', 'booking_cancelled', 'complaint_ticket_created')) this.reached = true;
    if (saidAny(turn, 'no_slots_for_preference')) this.noSlots(turn);
    if (turn.handedOver) return this.finish();
    const awaiting = turn.awaiting;
    if (awaiting === null) {
      if (goal.kind === 'faq' && this.pendingQuestions > 0) {
        const i = goal.questions.length - this.pendingQuestions--;
        return { text: goal.questions[i].text, note: `question:${i}` };
      }
      if (goal.kind === 'handover' && goal.midBooking && this.said.length === 1) return { text: this.random.pick(this.bank.lists.handover_openings), note: 'open:handover' };
      if (this.reached || goal.kind === 'faq') return this.finish();
      if (this.restarts++ < 1) return { ...this.opening(), note: 'restate' };
      return this.giveUp(`the flow ended without the goal (${turn.replies.map((r) => r.response).join(', ')})`);
    }
    if (goal.kind === 'handover' && goal.midBooking) return { text: this.random.pick(this.bank.lists.handover_openings), note: 'open:handover' };
    if (this.hesitateAt === awaiting) {
      this.hesitateAt = undefined;
      return { text: this.random.pick(this.bank.lists.hesitations), note: `hesitate:${awaiting}` };
    }
    if (this.digression?.at === awaiting) {
      const { question } = this.digression;
      this.digression = undefined;
      return { text: question.text, note: `digression:${awaiting}` };
    }
    const change = this.change;
    if (change && BOOKING_ORDER.indexOf(awaiting) >= BOOKING_ORDER.indexOf(change.at) && (change.kind !== 'when' || offersOf(turn).length > 0)) {
      this.change = undefined;
      if (change.kind === 'when') this.wishIndex = 1;
      return { text: change.text, note: `change:${change.kind}` };
    }
    if (awaiting === 'slot') return this.slot(turn);
    const said = answer({ random: this.random, bank: this.bank, goal, turn, wish: this.wish, mailbox: this.mailbox }, awaiting);
    if (!said) return this.giveUp(`no answer for "${awaiting}" in flow ${turn.flow}`);
    if (awaiting === 'upsell_accepted') this.upsellAccepted = goal.kind === 'book' && goal.acceptsUpsell;
    return said;
  }

  /** Takes an offer within her wish; offers outside it are answered with the wish again (twice), then the first is taken. */
  private slot(turn: TurnResult): Said | null {
    const ctx = { random: this.random, bank: this.bank, goal: this.goal, turn, wish: this.wish, mailbox: this.mailbox };
    const fitting = fittingOffers(ctx);
    if (fitting.length === 0) {
      const offers = offersOf(turn);
      if (offers.length === 0) return this.giveUp('times asked for with none offered');
      if (this.offMismatch++ < 2 && this.wish) return { text: say(this.random, this.bank, 'when_answers', { when: this.wish.text }), note: 'answer:when(again)' };
      // Outside her wish, but at her salon and with her master when one is offered.
      const own = fittingOffers({ ...ctx, wish: undefined })[0] ?? offers[0];
      this.chosen = { start: own.start, withinWish: false };
      return { payload: own.button.payload, note: `slot:${own.start}(outside the wish)` };
    }
    const said = answer(ctx, 'slot')!;
    this.chosen = { start: said.note.slice(5, 30), withinWish: true };
    return said;
  }

  /** «нет свободного»: the next wish; after the last one (which the CRM has free time for), the nearest free time. */
  private noSlots(turn: TurnResult): void {
    const wishes = 'wishes' in this.goal ? this.goal.wishes : [];
    const current = this.wish;
    // The last wish has free time for the services she finally wants, not for those she named first.
    const asked = Array.isArray(turn.slots?.service) ? [...(turn.slots.service as string[])].sort().join('+') : undefined;
    const wanted = this.goal.kind === 'book' ? [...this.goal.services].sort().join('+') : asked;
    if (current && !current.asap && this.wishIndex >= wishes.length - 1 && asked === wanted) this.falseNoSlots.push(current.text);
    if (this.wishIndex < wishes.length - 1) this.wishIndex++;
    else if (!this.fallback) this.fallback = { text: this.random.pick(this.bank.lists.asap_answers), windows: [], asap: true };
    else if (this.asapRefused++ >= 1) this.giveUp('no free time even for the nearest');
  }

  private finish(): null {
    this.done = true;
    return null;
  }

  private giveUp(reason: string): null {
    this.gaveUp = reason;
    this.done = true;
    return null;
  }
}

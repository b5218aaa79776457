/**
 * The judge: after the conversation, the CRM must hold what the goal asked for and nothing else — the
 * booking with her services, salon, master, the time she took, her name and phone; the moved booking at
 * its new time; the cancelled one cancelled; the ticket; the handover — and every turn must keep the
 * invariants. A conversation is right only when every check holds; the first failure names its cause.
 */
import type { Booking } from '../../crm';
import type { Goal } from './goal-types';
import { turnFailures } from './invariants';
import { whereOf, type Conversation, type Failure, type Verdict } from './record';

const same = (a: string, b: string) => a.toLowerCase().replace(/ё/g, 'е').trim() === b.toLowerCase().replace(/ё/g, 'е').trim();
const sorted = (xs: string[]) => [...xs].sort().join(',');
const brief = (b: Booking) => `${b.id} ${b.status} ${b.services.join('+')} ${b.branch} ${b.master} ${b.start} «${b.guestName}» ${b.phone}`;
/** The salon-time date of an ISO time. */
const dateOf = (iso: string) => new Date(Date.parse(iso) + 3 * 3_600_000).toISOString().slice(0, 10);

export function judge(c: Conversation): Verdict {
  const failures = [...endStateFailures(c), ...turnFailures(c)];
  return { right: failures.length === 0, failures };
}

function endStateFailures(c: Conversation): Failure[] {
  const { goal } = c;
  const last = c.turns[c.turns.length - 1]?.result;
  const handedOver = c.turns.some((t) => t.result.handedOver);
  const created = c.after.filter((b) => !c.before.has(b.id));
  const changed = c.after.filter((b) => c.before.has(b.id) && JSON.stringify(b) !== JSON.stringify(c.before.get(b.id)));
  const out: Failure[] = [];
  const fail = (check: string, where: string, detail: string) => out.push({ check, where, detail });
  const lastWhere = whereOf(last);
  if (c.gaveUp) fail('guest gave up', lastWhere, c.gaveUp);
  if (c.falseNoSlots.length) fail('no free time said though the CRM had some', `${goal.kind === 'reschedule' ? 'reschedule' : 'booking'}/when`, `for «${c.falseNoSlots.join('», «')}»`);
  const expectHandover = wantsHandover(goal);
  if (handedOver !== expectHandover) fail(handedOver ? 'handed over unexpectedly' : 'no handover', whereOf(c.turns.find((t) => t.result.handedOver)?.result ?? last), `handedOver=${handedOver}`);
  const expectTickets = goal.kind === 'complaint' ? 1 : 0;
  if (c.tickets.length !== expectTickets) fail(c.tickets.length ? 'unexpected ticket' : 'no ticket', lastWhere, `${c.tickets.length} tickets`);

  if (goal.kind === 'book' || goal.kind === 'repeat_last') {
    if (changed.length) fail('another booking changed', lastWhere, changed.map(brief).join('; '));
    if (created.length !== 1) {
      fail(created.length ? 'more than one booking' : 'no booking', lastWhere, created.map(brief).join('; ') || 'none');
      return out;
    }
    const b = created[0];
    const wanted = goal.kind === 'book'
      ? { services: goal.services, branch: goal.branch, master: goal.master, name: goal.expectName, phone: goal.who.phone }
      : { services: goal.visit.services, branch: goal.visit.branch, master: goal.visit.master, name: goal.who.name, phone: goal.who.phone };
    const upsell = acceptedUpsell(c);
    const services = upsell ? [...wanted.services, upsell] : wanted.services;
    if (sorted(b.services) !== sorted(services)) fail('wrong services', `${goal.kind === 'book' ? 'booking' : 'repeat_last'}/service`, `booked ${b.services.join('+')}, wanted ${services.join('+')}`);
    if (b.branch !== wanted.branch) fail('wrong salon', 'booking/branch', `booked ${b.branch}, wanted ${wanted.branch}`);
    if (wanted.master && b.master !== wanted.master) fail('wrong master', 'booking/master', `booked ${b.master}, wanted ${wanted.master}`);
    checkStart(c, b.start, fail);
    if (!same(b.guestName, wanted.name)) fail('wrong name on the booking', 'booking/guest_name', `booked «${b.guestName}», wanted «${wanted.name}»`);
    if (b.phone !== wanted.phone) fail('wrong phone on the booking', 'booking/phone', `booked ${b.phone}, wanted ${wanted.phone}`);
  } else if (goal.kind === 'reschedule' || goal.kind === 'cancel') {
    if (created.length) fail('a booking was created', lastWhere, created.map(brief).join('; '));
    const target = c.after.find((b) => b.id === goal.booking.id)!;
    const others = changed.filter((b) => b.id !== goal.booking.id);
    if (others.length) fail('another booking changed', lastWhere, others.map(brief).join('; '));
    if (goal.tooLate) {
      if (JSON.stringify(target) !== JSON.stringify(goal.booking)) fail('booking changed within 4 hours', lastWhere, brief(target));
    } else if (goal.kind === 'cancel') {
      if (target.status !== 'cancelled') fail('booking not cancelled', lastWhere, brief(target));
    } else {
      if (target.status !== 'booked' || target.start === goal.booking.start) fail('booking not moved', lastWhere, brief(target));
      else checkStart(c, target.start, fail);
      if (sorted(target.services) !== sorted(goal.booking.services) || target.branch !== goal.booking.branch) fail('moved booking changed otherwise', lastWhere, `${brief(goal.booking)} → ${brief(target)}`);
    }
  } else {
    if (created.length || changed.length) fail('bookings changed', lastWhere, [...created, ...changed].map(brief).join('; '));
    if (goal.kind === 'complaint' && c.tickets.length === 1) {
      const t = c.tickets[0];
      const v = goal.visit;
      const wrong = [
        t.branch !== v.branch && `branch ${t.branch}≠${v.branch}`, t.service !== goal.service && `service ${t.service}≠${goal.service}`,
        t.master !== v.master && `master ${t.master}≠${v.master}`, t.visitDate !== dateOf(v.start) && `date ${t.visitDate}≠${dateOf(v.start)}`,
        t.outcome !== goal.outcome && `outcome ${t.outcome}≠${goal.outcome}`, t.withinGuarantee !== goal.withinGuarantee && `guarantee ${t.withinGuarantee}≠${goal.withinGuarantee}`,
        goal.photo && !t.photo && 'photo missing',
      ].filter(Boolean);
      if (wrong.length) fail(`wrong ticket (${String(wrong[0]).split(' ')[0]})`, 'complaint/ticket', wrong.join(', '));
    }
  }
  return out;
}

/** The start must be the offer she took, within the wish she held to. */
function checkStart(c: Conversation, start: string, fail: (check: string, where: string, detail: string) => void): void {
  const flow = c.goal.kind === 'reschedule' ? 'reschedule' : 'booking';
  if (!c.chosen) fail('booked a time she never took', `${flow}/slot`, `start ${start}`);
  else if (!c.chosen.withinWish) fail('only times outside her wish offered', `${flow}/slot`, `took ${c.chosen.start} after asking «${wishText(c.goal)}»`);
  else if (Date.parse(c.chosen.start) !== Date.parse(start)) fail('booked another time than she took', `${flow}/slot`, `took ${c.chosen.start}, booked ${start}`);
}

const wishText = (goal: Goal) => ('wishes' in goal ? goal.wishes.map((w) => w.text).join(' → ') : '');

/** When the goal ends with a person: she asked, it is too late to change online, or a complaint goes to the senior administrator. */
function wantsHandover(goal: Goal): boolean {
  if (goal.kind === 'handover') return true;
  if ((goal.kind === 'reschedule' || goal.kind === 'cancel') && goal.tooLate) return true;
  if (goal.kind === 'complaint') return goal.outcome === 'refund' || (goal.outcome !== 'feedback' && !goal.withinGuarantee);
  return false;
}

/** The upsell she said yes to, unless the assistant then said it could not add it. */
function acceptedUpsell(c: Conversation): string | undefined {
  const at = c.turns.findIndex((t) => t.said.note === 'answer:upsell(yes)');
  if (at < 1) return undefined;
  const offered = c.turns[at - 1].result.slots.upsell;
  const next = c.turns[at].result;
  if (typeof offered !== 'string' || next.replies.some((r) => r.response === 'upsell_unavailable')) return undefined;
  return offered;
}

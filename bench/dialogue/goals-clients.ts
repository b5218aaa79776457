/**
 * Goals of clients the seeded CRM knows: move or cancel one of her upcoming bookings, complain about a
 * recent visit, book as last time. The client is drawn from the CRM (the demo guests and the generated
 * ones), and so is how the assistant may know her.
 */
import type { Booking, Random } from '../../crm';
import type { ChangeGoal, ComplaintGoal, RepeatGoal, Who } from './goal-types';
import type { GoalContext } from './goals';
import { phoneText, wishesWithFreeTime } from './goals';
import { toMs, type Wish } from './wishes';
import { CHANNEL, NOW } from './world';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface ClientRow {
  id: number;
  name: string;
  phone: string;
}

/** A client of the CRM, known to the assistant in one of the ways guests are (the chat linked in the sandbox). */
async function clientWho(random: Random, ctx: GoalContext, client: ClientRow): Promise<Who> {
  const userId = `sim-${ctx.seed}-${ctx.index}`;
  const id = (await ctx.world.crm.findClientByPhone(client.phone))!.id;
  const roll = random.next();
  const known: Who['known'] = roll < 0.5 ? 'chat' : roll < 0.9 ? 'typed' : 'verified';
  if (known === 'chat') await ctx.world.crm.linkClientUser(id, CHANNEL, userId);
  return { userId, phone: client.phone, phoneText: phoneText(random, client.phone), name: client.name, clientId: id, known };
}

const clientsWhere = (ctx: GoalContext, sql: string, ...args: unknown[]): ClientRow[] =>
  ctx.world.assistant.db.prepare(`SELECT c.id, c.name, c.phone FROM crm_clients c WHERE ${sql} ORDER BY c.id`).all(...args) as ClientRow[];

/** Move or cancel: a client with a booking more than 4 hours ahead (now and then one too close: a person takes it). */
export async function drawChangeGoal(random: Random, ctx: GoalContext, kind: 'reschedule' | 'cancel'): Promise<ChangeGoal | undefined> {
  const now = NOW.getTime();
  const tooLate = random.chance(0.05);
  const clients = tooLate
    ? clientsWhere(ctx, `EXISTS (SELECT 1 FROM crm_bookings b WHERE b.client_id = c.id AND b.status = 'booked' AND b.start_ms > ? AND b.start_ms < ?)`, now, now + 4 * HOUR_MS)
    : clientsWhere(ctx, `EXISTS (SELECT 1 FROM crm_bookings b WHERE b.client_id = c.id AND b.status = 'booked' AND b.start_ms > ?)`, now + 5 * HOUR_MS);
  if (clients.length === 0) return undefined;
  // The demo guests are the ones the README tells staff to try: drawn as often as all the others.
  const demo = clients.filter((c) => c.phone.startsWith('+7999000000'));
  const client = demo.length && random.chance(0.5) ? random.pick(demo) : random.pick(clients);
  const who = await clientWho(random, ctx, client);
  const upcoming = await ctx.world.crm.upcomingBookings(who.clientId!);
  const fits = upcoming.filter((b) => (tooLate ? toMs(b.start) < now + 4 * HOUR_MS : toMs(b.start) > now + 5 * HOUR_MS));
  if (fits.length === 0) return undefined;
  const booking = random.pick(fits);
  const wishes = kind === 'reschedule' && !tooLate
    ? await wishesWithFreeTime(random, ctx, { services: booking.services, branch: booking.branch, master: booking.master, guest: { clientId: who.clientId, name: booking.guestName }, excludeBookingId: booking.id })
    : [];
  return { kind, who, booking, upcoming, wishes, tooLate };
}

/** A complaint about her most recent visit with a service, within the last 60 days. */
export async function drawComplaintGoal(random: Random, ctx: GoalContext): Promise<ComplaintGoal | undefined> {
  const now = NOW.getTime();
  const clients = clientsWhere(ctx, `EXISTS (SELECT 1 FROM crm_bookings b WHERE b.client_id = c.id AND b.status = 'completed' AND b.start_ms > ?)`, now - 59 * DAY_MS);
  const demo = clients.filter((c) => c.phone === '+79990000004' || c.phone === '+79990000005');
  const client = demo.length && random.chance(0.4) ? random.pick(demo) : random.pick(clients);
  const who = await clientWho(random, ctx, client);
  const history = (await ctx.world.crm.visitHistory(who.clientId!)).filter((b) => toMs(b.start) > now - 59 * DAY_MS);
  const services = history[0]?.services.filter((s) => ctx.bank.complaintOpenings[s]) ?? [];
  if (services.length === 0) return undefined;
  const service = random.pick(services);
  const visit = history.find((b) => b.services.includes(service))!;
  const days = Math.round((dayStart(now) - dayStart(toMs(visit.start))) / DAY_MS);
  const guarantee = ctx.world.content.catalog.services.find((s) => s.id === service)!.guarantee_days;
  const outcome = random.pick(['free_fix', 'free_fix', 'refund', 'feedback', 'redo_other_master'] as const);
  return { kind: 'complaint', who, visit, service, opening: random.pick(ctx.bank.complaintOpenings[service]), outcome, withinGuarantee: guarantee > 0 && days <= guarantee, photo: random.chance(0.4) };
}

/** «как в прошлый раз»: her last completed visit, a new time with the same master. */
export async function drawRepeatGoal(random: Random, ctx: GoalContext): Promise<RepeatGoal | undefined> {
  const clients = clientsWhere(ctx, `EXISTS (SELECT 1 FROM crm_bookings b WHERE b.client_id = c.id AND b.status = 'completed')`);
  const demo = clients.filter((c) => c.phone === '+79990000001');
  const client = demo.length && random.chance(0.3) ? demo[0] : random.pick(clients);
  const who = await clientWho(random, ctx, client);
  const visit = await ctx.world.crm.lastCompletedVisit(who.clientId!);
  if (!visit) return undefined;
  const wishes = await wishesWithFreeTime(random, ctx, { services: visit.services, branch: visit.branch, master: visit.master, guest: { clientId: who.clientId } });
  return { kind: 'repeat_last', who, visit, wishes };
}

/** The salon-time midnight of a moment. */
const dayStart = (ms: number): number => Math.floor((ms + 3 * HOUR_MS) / DAY_MS) * DAY_MS;

/** Free times the CRM has for the query within the wish (what the flow would be offered). */
export async function freeSlotsFor(ctx: GoalContext, query: { services: string[]; branch: string; master?: string; wish: Wish; guest?: { clientId?: string; name?: string }; excludeBookingId?: string }): Promise<Booking['start'][]> {
  const offers = await ctx.world.crm.findFreeSlots({
    services: query.services, branch: query.branch, ...(query.master && { master: query.master }),
    ...(query.wish.windows.length && { windows: query.wish.windows }), ...(query.wish.asap && { asap: true }),
    ...(query.guest && { guest: query.guest }), ...(query.excludeBookingId && { excludeBookingId: query.excludeBookingId }), limit: 1,
  });
  return offers.map((o) => o.start);
}

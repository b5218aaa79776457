/**
 * Drawing a goal for conversation i: the kind, then what exactly, from the catalog and the seeded CRM
 * (free times are looked up, so a wish with nothing free is followed by the alternative she takes).
 */
import type { Random } from '../../crm';
import type { Catalog } from '../../salon';
import { type BookGoal, type Change, GOAL_KINDS, type Goal, type GoalKind, type Who } from './goal-types';
import { drawChangeGoal, drawComplaintGoal, drawRepeatGoal, freeSlotsFor } from './goals-clients';
import { drawQuestion } from './questions';
import { fill, say, type PhraseBank } from './phrases';
import { drawWish, type Wish } from './wishes';
import type { World } from './world';

export interface GoalContext {
  world: World;
  bank: PhraseBank;
  /** The conversation's number: it makes the guest's id and phone. */
  index: number;
  seed: number;
}

/** How often each kind is drawn. */
const WEIGHTS: Record<GoalKind, number> = { book: 40, reschedule: 12, cancel: 10, faq: 12, complaint: 10, handover: 6, repeat_last: 10 };
/** Add-ons nobody books alone. */
const ADD_ONS = new Set(['polish_removal', 'nail_design']);

export async function drawGoal(random: Random, ctx: GoalContext, only?: GoalKind): Promise<Goal> {
  const kind = only ?? weighted(random);
  let goal: Goal | undefined;
  if (kind === 'book') goal = await drawBookGoal(random, ctx, newGuest(random, ctx));
  else if (kind === 'reschedule' || kind === 'cancel') goal = await drawChangeGoal(random, ctx, kind);
  else if (kind === 'complaint') goal = await drawComplaintGoal(random, ctx);
  else if (kind === 'repeat_last') goal = await drawRepeatGoal(random, ctx);
  else if (kind === 'faq') {
    const first = drawQuestion(random, ctx.bank, ctx.world.content.catalog);
    const questions = random.chance(0.5) ? [first, drawQuestion(random, ctx.bank, ctx.world.content.catalog, [first.fact])] : [first];
    goal = { kind, who: newGuest(random, ctx), questions };
  } else {
    const who = newGuest(random, ctx);
    goal = { kind: 'handover', who, ...(random.chance(0.3) && { midBooking: say(random, ctx.bank, 'book_openings', { svc: random.pick(ctx.bank.services.manicure_gel) }) }) };
  }
  if (!goal) return drawGoal(random, ctx, 'book');
  if (random.chance(0.3)) goal.greeting = random.pick(ctx.bank.lists.greeting_prefixes);
  if (goal.kind !== 'faq' && goal.kind !== 'handover' && random.chance(0.2)) {
    goal.digression = { at: random.pick(DIGRESSION_SLOTS[goal.kind]), question: drawQuestion(random, ctx.bank, ctx.world.content.catalog) };
  }
  if (goal.kind !== 'faq' && goal.kind !== 'handover' && random.chance(0.1)) goal.hesitateAt = random.pick(DIGRESSION_SLOTS[goal.kind]);
  return goal;
}

const DIGRESSION_SLOTS: Record<string, string[]> = {
  book: ['branch', 'master', 'when', 'slot', 'guest_name', 'phone', 'confirmed'],
  reschedule: ['when', 'slot', 'confirmed'],
  cancel: ['confirmed', 'booking'],
  complaint: ['description', 'photo', 'outcome'],
  repeat_last: ['when', 'slot', 'confirmed'],
};

function weighted(random: Random): GoalKind {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let at = random.next() * total;
  for (const kind of GOAL_KINDS) if ((at -= WEIGHTS[kind]) < 0) return kind;
  return 'book';
}

/** A guest the CRM does not know, with a phone of her own (+7925…, from the conversation's number). */
export function newGuest(random: Random, ctx: GoalContext): Who {
  const digits = String(1_000_000 + ((ctx.index * 7_919 + ctx.seed * 104_729) % 8_999_999)).padStart(7, '0');
  const phone = `+7925${digits}`;
  const first = random.pick(ctx.bank.lists.first_names);
  const name = random.chance(0.6) ? first : `${first} ${random.pick(ctx.bank.lists.last_names)}`;
  const userName = random.chance(0.3) ? first : random.chance(0.3) ? `user${ctx.index}` : undefined;
  return { userId: `sim-${ctx.seed}-${ctx.index}`, ...(userName && { userName }), phone, phoneText: phoneText(random, phone), name, known: 'new' };
}

/** How a guest types a phone: «+7 925 123-45-67», «89251234567», «8 (925) 123 45 67». */
export function phoneText(random: Random, phone: string): string {
  const d = phone.slice(2);
  return random.pick([`+7 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`, `8${d}`, `8 (${d.slice(0, 3)}) ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`, `+7${d}`, `8-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`]);
}

/** Service sets one master can do at a branch: singles and some pairs. */
function combos(catalog: Catalog): Array<{ services: string[]; branches: string[] }> {
  const found = new Map<string, Set<string>>();
  for (const m of catalog.masters) {
    const own = m.services.filter((s) => !ADD_ONS.has(s));
    for (const a of own) {
      found.set(a, (found.get(a) ?? new Set()).add(m.branch));
      for (const b of own) if (a < b && catalog.services.find((s) => s.id === a)!.category !== catalog.services.find((s) => s.id === b)!.category) found.set(`${a}+${b}`, (found.get(`${a}+${b}`) ?? new Set()).add(m.branch));
    }
  }
  return [...found].map(([key, branches]) => ({ services: key.split('+'), branches: [...branches] }));
}

export async function drawBookGoal(random: Random, ctx: GoalContext, who: Who): Promise<BookGoal> {
  const { catalog } = ctx.world.content;
  const all = combos(catalog);
  const singles = all.filter((c) => c.services.length === 1);
  const combo = random.chance(0.12) ? random.pick(all.filter((c) => c.services.length === 2)) : random.pick(singles);
  const branch = random.pick(combo.branches);
  const masters = catalog.masters.filter((m) => m.branch === branch && combo.services.every((s) => m.services.includes(s)));
  const master = random.chance(0.35) ? random.pick(masters).id : undefined;
  let services = combo.services;
  let openingServices = services;
  let openingBranch: string | undefined;
  let change: Change | undefined;
  const roll = random.next();
  if (roll < 0.08 && services.length === 1) {
    // Opens with another service of the same branch, then changes her mind.
    const does = (s: string) => (master ? catalog.masters.find((m) => m.id === master)!.services.includes(s) : true);
    const candidates = singles.filter((c) => c.branches.includes(branch) && c.services[0] !== services[0] && does(c.services[0]));
    const other = candidates.length ? random.pick(candidates) : undefined;
    if (other) {
      openingServices = other.services;
      change = { kind: 'service', at: random.pick(['branch', 'master', 'when', 'slot'] as const), text: say(random, ctx.bank, 'service_changes', { svc: svcWords(random, ctx.bank, services) }), services };
    }
  } else if (roll < 0.14 && services.length === 2) {
    // «маникюр и педикюр», then «только педикюр».
    services = [services[random.int(2)]];
    change = { kind: 'service', at: random.pick(['master', 'when', 'slot'] as const), text: say(random, ctx.bank, 'only_changes', { svc: svcWords(random, ctx.bank, services) }), services };
  } else if (roll < 0.2 && !master) {
    const others = catalog.branches.map((b) => b.id).filter((b) => b !== branch && services.every((s) => catalog.services.find((x) => x.id === s)!.branches.includes(b) && catalog.masters.some((m) => m.branch === b && m.services.includes(s))));
    if (others.length) {
      openingBranch = random.pick(others);
      change = { kind: 'branch', at: random.pick(['master', 'when', 'slot'] as const), text: say(random, ctx.bank, 'branch_changes', { branch: random.pick(ctx.bank.branches[branch]) }), branch };
    }
  }
  const guest = who.clientId ? { clientId: who.clientId } : undefined;
  const wishes = await wishesWithFreeTime(random, ctx, { services, branch, master, guest });
  if (!change && random.chance(0.08)) {
    const decoy = drawWish(random, ctx.bank, catalog, branch);
    change = { kind: 'when', at: 'slot', text: say(random, ctx.bank, 'when_corrections', { wrong: decoy.text, right: wishes[0].text }) };
    wishes.unshift(decoy);
  }
  const other = random.chance(0.12) ? { ...random.pick(ctx.bank.relatives), name: random.pick(ctx.bank.lists.other_names) } : undefined;
  return {
    kind: 'book', who, services, openingServices, branch, ...(openingBranch && { openingBranch }),
    branchInOpening: !!openingBranch || random.chance(0.45), master, masterInOpening: !!master && random.chance(0.5),
    wishes, whenInOpening: random.chance(0.6), ...(other && { forOther: other }),
    expectName: other?.name ?? (who.known !== 'new' ? who.name : plausible(who.userName) ?? who.name), ...(change && { change }),
    acceptsUpsell: random.chance(0.4),
  };
}

/** A display name the flow takes for the guest's own (a first name, not «user12»). */
const plausible = (name?: string): string | undefined => (name && /^[А-ЯЁ][а-яё]+$/.test(name) ? name : undefined);

/** The words for a service set: «маникюр с гель лаком и педикюр с шеллаком». */
export function svcWords(random: Random, bank: PhraseBank, services: string[]): string {
  const words = services.map((s) => random.pick(bank.services[s]));
  return words.length === 1 ? words[0] : fill(random.pick(bank.lists.service_pairs), { a: words[0], b: words[1] });
}

/** Up to three wishes until one has a free time for the query; then «как можно скорее». */
export async function wishesWithFreeTime(random: Random, ctx: GoalContext, query: Omit<Parameters<typeof freeSlotsFor>[1], 'wish'>): Promise<Wish[]> {
  const wishes: Wish[] = [];
  for (let i = 0; i < 3; i++) {
    const wish = drawWish(random, ctx.bank, ctx.world.content.catalog, query.branch);
    wishes.push(wish);
    if ((await freeSlotsFor(ctx, { ...query, wish })).length > 0) return wishes;
  }
  wishes.push({ text: random.pick(ctx.bank.lists.asap_answers), windows: [], asap: true });
  return wishes;
}

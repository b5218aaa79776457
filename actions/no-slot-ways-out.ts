/**
 * Ways out of «nothing free then», as concrete times to press: the free times nearest to the wish with
 * the same master and salon, the same wish with another master of the salon, and the same wish in
 * another salon that does the services.
 */
import type { Crm, SlotOffer, SlotQuery } from '../crm';
import { branchOffers, mastersDoing, type SalonContext } from './deps';

/** How far after the wish the nearest free time is looked for. */
const NEAREST_WITHIN_DAYS = 14;
/** How many of the nearest times with the same master, and of each other way out. */
const NEAREST_COUNT = 2;
/** How many free times after the day's start are weighed for nearness to the wish. */
const NEAREST_CANDIDATES = 40;
const EARLIER_WEIGHT = 3;
const OTHERS_COUNT = 2;

/**
 * Alternatives to a query that found nothing, at most the rules' `max_offered_slots`, the guest's own
 * choice kept first. `sameMasterOnly` (a booking being moved) looks only for other times.
 *
 * @example await waysOut({ services: ['manicure_gel'], master: 'olga', windows: [saturday] }, context)
 * // [Olga on Monday 10:00, Olga on Monday 10:30, Marina on Saturday 12:00, Darya at «Сити» on Saturday 12:00, …]
 */
export async function waysOut(query: SlotQuery, context: SalonContext, options: { sameMasterOnly?: boolean } = {}): Promise<SlotOffer[]> {
  const { crm, calendar } = context;
  const limit = context.rules.booking.max_offered_slots;
  const now = context.clock().getTime();
  const starts = (query.windows ?? []).map((w) => calendar.parse(w.from));
  const wish = Math.max(now, starts.length > 0 ? Math.min(...starts) : now);
  // The times nearest to the wish, from the start of its day (a long service may fit earlier that day).
  const from = Math.max(now, calendar.dayStart(calendar.dayOf(wish)));
  const around: SlotQuery = { ...query, windows: [{ from: calendar.iso(from), to: calendar.iso(from + NEAREST_WITHIN_DAYS * 86_400_000) }], asap: true, limit: NEAREST_CANDIDATES };
  const nearest = crm.findFreeSlots(around).then((offers) => offers
    .sort((a, b) => distance(Date.parse(a.start), wish) - distance(Date.parse(b.start), wish) || Date.parse(a.start) - Date.parse(b.start))
    .slice(0, NEAREST_COUNT)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start)));
  const searches: Promise<SlotOffer[]>[] = [nearest];
  if (!options.sameMasterOnly && query.windows?.length) {
    const master = query.master ? context.masters.get(query.master) : undefined;
    const branch = master?.branch ?? query.branch;
    if (master) searches.push(ofMasters(crm, { ...query, branch }, mastersDoing(context, branch, query.services, master.id)));
    if (branch) {
      const others = context.catalog.branches.filter((b) => b.id !== branch && branchOffers(context, b.id, query.services)).map((b) => b.id);
      for (const other of others) searches.push(crm.findFreeSlots({ ...query, branch: other, master: undefined, limit: 1 }));
    }
  }
  const found = await Promise.all(searches.map((s) => s.catch(() => [] as SlotOffer[])));
  const seen = new Set<string>();
  return found.flat().filter((offer) => {
    const key = `${offer.start}@${offer.master}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, limit);
}

/**
 * How far a time is from the wish; earlier than she asked counts three times over («после 6» is rather
 * the next evening than the same morning, but a long service may still start an hour earlier that day).
 */
function distance(start: number, wish: number): number {
  return start >= wish ? start - wish : (wish - start) * EARLIER_WEIGHT;
}

/** The nearest free times of these masters for the query, at most OTHERS_COUNT. */
async function ofMasters(crm: Crm, query: SlotQuery, masters: string[]): Promise<SlotOffer[]> {
  const found = await Promise.all(masters.map((master) => crm.findFreeSlots({ ...query, master, limit: OTHERS_COUNT })));
  return found.flat().sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).slice(0, OTHERS_COUNT);
}

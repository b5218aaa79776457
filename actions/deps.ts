/**
 * What the salon's actions, guards, buttons and display variables work with: the CRM port, the content
 * (catalog, rules, responses) and the clock. {@link salonContext} adds look-ups by id and the salon
 * calendar, built once per registry.
 */
import type { Branch, Catalog, Master, Service, Rules } from '../salon';
import { salonCalendar, type Crm, type SalonCalendar } from '../crm';
import type { Responses } from '../core';
import type { IdentityVerification } from './identity-check';

export interface SalonDeps {
  crm: Crm;
  catalog: Catalog;
  rules: Rules;
  /** The current time; logic never reads the system clock. */
  clock: () => Date;
  /** Button titles that are words («Да», «Любой мастер») come from content: `button_*` responses. */
  responses: Pick<Responses, 'has' | 'render'>;
  /**
   * Verifying typed phones: the courier of one-time codes (set by the composition root once the channels
   * run; absent, a typed phone stays unverified) and the code generator (tests fix it).
   */
  identity?: IdentityVerification;
}

/** The deps with look-ups by id, the salon calendar and button titles from content. */
export interface SalonContext extends SalonDeps {
  services: ReadonlyMap<string, Service>;
  masters: ReadonlyMap<string, Master>;
  branches: ReadonlyMap<string, Branch>;
  calendar: SalonCalendar;
  /** The text of a `button_*` response; the key itself when content lacks it (the test of content catches that). */
  title(key: string): string;
}

/**
 * Indexes the catalog once for the registry and the variable builder.
 *
 * @example salonContext(deps).masters.get('olga')?.name // "Ольга Смирнова"
 */
export function salonContext(deps: SalonDeps): SalonContext {
  const { catalog, responses } = deps;
  // Button words have no variables: each is rendered once.
  const titles = new Map<string, string>();
  return {
    ...deps,
    services: new Map(catalog.services.map((s) => [s.id, s])),
    masters: new Map(catalog.masters.map((m) => [m.id, m])),
    branches: new Map(catalog.branches.map((b) => [b.id, b])),
    calendar: salonCalendar(catalog.timezone, deps.clock()),
    title: (key) => {
      let title = titles.get(key);
      if (title === undefined) {
        title = responses.has(key) ? responses.render(key) : key;
        titles.set(key, title);
      }
      return title;
    },
  };
}

/** True when the master works at the branch and does every service there. */
export function masterDoes(context: SalonContext, masterId: string, branchId: string | undefined, serviceIds: readonly string[]): boolean {
  const master = context.masters.get(masterId);
  if (!master || (branchId !== undefined && master.branch !== branchId)) return false;
  return serviceIds.every((id) => master.services.includes(id) && (context.services.get(id)?.branches.includes(master.branch) ?? false));
}

/**
 * The masters (ids, in catalog order) of the branch who do every service there, leaving out `avoid`:
 * the master a guest who complained wants a redo without.
 *
 * @example mastersDoing(context, 'tverskaya', ['manicure_gel'], 'olga') // ["marina"]
 */
export function mastersDoing(context: SalonContext, branchId: string | undefined, serviceIds: readonly string[], avoid?: string): string[] {
  return [...context.masters.keys()].filter((masterId) => masterId !== avoid && masterDoes(context, masterId, branchId, serviceIds));
}

/**
 * True when the branch offers every service and one of its masters (other than `avoid`) does them all
 * (back to back, as one booking): a service listed at a branch where no master does it cannot be booked there.
 */
export function branchOffers(context: SalonContext, branchId: string, serviceIds: readonly string[], avoid?: string): boolean {
  if (!context.branches.has(branchId) || !serviceIds.every((id) => context.services.get(id)?.branches.includes(branchId) ?? false)) return false;
  return mastersDoing(context, branchId, serviceIds, avoid).length > 0;
}

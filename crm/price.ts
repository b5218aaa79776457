/**
 * The price of a visit: the sum of its services, a service free when booked together with one of its
 * `free_with` services (polish removal before a new coating), plus the top-master surcharge.
 */
import type { Catalog, Master } from '../salon';

export interface VisitPrice {
  /** Whole roubles. */
  price: number;
  /** True when a service's price is a lower bound ("от 2 500 ₽"). */
  priceFrom: boolean;
}

/**
 * Prices services done by one master at one visit.
 *
 * @example
 * priceOf(['manicure_gel'], olga, catalog);                  // { price: 3770, priceFrom: false } (top +30 %)
 * priceOf(['polish_removal', 'manicure_gel'], marina, catalog); // { price: 2900, priceFrom: false } (removal free)
 */
export function priceOf(serviceIds: readonly string[], master: Pick<Master, 'level'>, catalog: Catalog): VisitPrice {
  let sum = 0;
  let priceFrom = false;
  for (const id of serviceIds) {
    const service = catalog.services.find((s) => s.id === id);
    if (!service) continue;
    const free = (service.free_with ?? []).some((other) => other !== id && serviceIds.includes(other));
    if (!free) sum += service.price;
    priceFrom ||= service.price_from;
  }
  const surcharge = master.level === 'top' ? catalog.top_master_surcharge_percent : 0;
  return { price: Math.round((sum * (100 + surcharge)) / 100), priceFrom };
}

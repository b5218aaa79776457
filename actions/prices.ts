/**
 * Money the guest hears about besides the visit price: the prepayment some services need, and what
 * an extra service adds to a visit. Both follow the catalog's prices and the top-master surcharge.
 */
import { priceOf } from '../crm';
import type { SalonContext } from './deps';

const REGULAR = { level: 'regular' } as const;

/**
 * The prepayment of a visit in roubles: each service's price with this master times its
 * `prepayment_percent`; 0 when no service needs one.
 *
 * @example prepaymentOf(['nail_extension'], 'yulia', context) // 1350 (30 % of 4 500)
 */
export function prepaymentOf(serviceIds: readonly string[], masterId: string, context: SalonContext): number {
  const master = context.masters.get(masterId) ?? REGULAR;
  return serviceIds.reduce((sum, id) => {
    const percent = context.services.get(id)?.prepayment_percent ?? 0;
    return percent > 0 ? sum + Math.round((priceOf([id], master, context.catalog).price * percent) / 100) : sum;
  }, 0);
}

/**
 * What adding a service to a visit costs: the visit's price with it minus without it.
 *
 * @example extraPriceOf(['manicure_gel'], 'nail_design', 'olga', context) // 195 (150 + 30 %)
 */
export function extraPriceOf(booked: readonly string[], extra: string, masterId: string, context: SalonContext): number {
  const master = context.masters.get(masterId) ?? REGULAR;
  return priceOf([...booked, extra], master, context.catalog).price - priceOf(booked, master, context.catalog).price;
}

/**
 * «Nothing is free then», said with its reason and ways out: the flows' `explainNoSlots` action.
 */
import type { FlowAction } from '../core';
import type { SalonContext } from './deps';
import { noSlotReason } from './no-slot-reason';
import { waysOut } from './no-slot-ways-out';
import { slotQueryOf } from './slot-query';

/** How many misses before an administrator is offered, when the flow does not say (`params.admin_after`). */
const ADMIN_AFTER_MISSES = 3;

/**
 * The no-slot actions the flows name.
 *
 * `explainNoSlots` (after `findFreeSlots` found nothing) sets `no_slots` to the reason (see
 * {@link noSlotReason}), `offers` to the ways out (concrete times: the nearest with the same master, the
 * wish with another master or in another salon; `no_slots_ways_out` when there are any), counts the misses in
 * `no_slots_misses` and sets `no_slots_admin` once they reach `params.admin_after`. The wish in `when`
 * is marked `missed`, so that the same wish said again is a change the flow looks up again.
 * `params.forBooking` as for `findFreeSlots`: a booking being moved keeps its master and salon.
 */
export function createNoSlotActions(context: SalonContext): Record<string, FlowAction> {
  return {
    explainNoSlots: async ({ slots, params, conversation }) => {
      const misses = (typeof slots.no_slots_misses === 'number' ? slots.no_slots_misses : 0) + 1;
      const adminAfter = typeof params.admin_after === 'number' ? params.admin_after : ADMIN_AFTER_MISSES;
      const query = await slotQueryOf(slots, params, conversation, context);
      const reason = query ? noSlotReason(query, context) : { reason: 'taken' as const, days: 0 };
      const offers = query ? await waysOut(query, context, { sameMasterOnly: params.forBooking === true }) : [];
      const when = slots.when;
      return {
        slots: {
          // The wish stays, marked as missed: said again, it is a new wish and is looked up (and explained) again.
          ...(typeof when === 'object' && when !== null && { when: { ...when, missed: true } }),
          no_slots: reason,
          no_slots_misses: misses,
          no_slots_admin: misses >= adminAfter || undefined,
          no_slots_ways_out: offers.length > 0 || undefined,
          offers: offers.length > 0 ? offers : undefined,
          slot: undefined,
        },
      };
    },
  };
}

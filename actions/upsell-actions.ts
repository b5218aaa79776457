/**
 * The one extra service offered after a confirmed booking (the catalog's `upsell`), never pushed: it
 * is offered only when the same master can do it right after the booking, and added to that booking.
 */
import { SlotTakenError, priceOf, type Booking } from '../crm';
import type { ConversationInfo, FlowAction } from '../core';
import { formatPrice } from '../salon';
import { branchOffers, masterDoes, type SalonContext } from './deps';
import { textSlot } from './read-slots';

/**
 * The upsell actions the flows name, by name.
 *
 * @example await createUpsellActions(context).pickUpsell({ slots: { created_booking: 'B7' }, … }) // { slots: { upsell: 'nail_design' } }
 */
export function createUpsellActions(context: SalonContext): Record<string, FlowAction> {
  const { crm } = context;
  return {
    /**
     * The first upsell of the booked services that the branch offers, the master does, the booking
     * lacks and that fits right after it → `upsell`; none → nothing. Not after a complaint's free fix.
     * An unreadable CRM means no offer: the booking is made, the upsell is optional.
     */
    pickUpsell: async ({ slots, conversation }) => {
      const id = createdHere(slots, conversation);
      if (!id || textSlot(slots, 'ticket')) return {};
      try {
        const booking = await crm.getBooking(id);
        if (!booking || booking.status !== 'booked') return {};
        for (const upsell of upsellsOf(booking, context)) {
          if (await fitsAfter(booking, upsell, context)) return { slots: { upsell } };
        }
        return {};
      } catch {
        return {};
      }
    },

    /** Adds the upsell to the created booking («upsell_added» with the new total), or says it no longer fits. */
    addUpsell: async ({ slots, conversation, idempotencyKey }) => {
      const id = createdHere(slots, conversation);
      const upsell = textSlot(slots, 'upsell');
      if (!id || !upsell) return {};
      try {
        const booking = await crm.addServices(id, [upsell], { idempotencyKey });
        const master = context.masters.get(booking.master) ?? { level: 'regular' as const };
        const total = formatPrice(booking.price, { from: priceOf(booking.services, master, context.catalog).priceFrom });
        return { say: [{ response: 'upsell_added', vars: { price: total } }] };
      } catch (error) {
        if (error instanceof SlotTakenError) return { say: [{ response: 'upsell_unavailable' }] };
        throw error;
      }
    },
  };
}

/** The `created_booking` slot, when this conversation created that booking: an upsell goes to no other. */
function createdHere(slots: Readonly<Record<string, unknown>>, conversation: Readonly<ConversationInfo>): string | undefined {
  const id = textSlot(slots, 'created_booking');
  return id && conversation.createdBookings?.includes(id) ? id : undefined;
}

/** Upsell candidates of a booking, in the order of its services and their catalog lists. */
function upsellsOf(booking: Booking, context: SalonContext): string[] {
  const candidates = booking.services.flatMap((id) => context.services.get(id)?.upsell ?? []);
  return [...new Set(candidates)].filter((id) =>
    !booking.services.includes(id) && branchOffers(context, booking.branch, [id]) && masterDoes(context, booking.master, booking.branch, [id]));
}

/** True when the master is free to do the extra service right after the booking (same start, longer visit). */
async function fitsAfter(booking: Booking, extra: string, context: SalonContext): Promise<boolean> {
  const offers = await context.crm.findFreeSlots({
    services: [...booking.services, extra],
    branch: booking.branch,
    master: booking.master,
    windows: [{ from: booking.start, to: booking.start }],
    excludeBookingId: booking.id,
    limit: 1,
  });
  return offers.some((o) => o.start === booking.start);
}

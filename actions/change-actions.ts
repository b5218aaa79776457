/**
 * Changing a booking: the guest's upcoming bookings, moving one to a chosen free slot, cancelling one.
 * The flows check the free-change rule (the `canChangeBooking` guard) before asking; the actions check
 * it again against the CRM at the moment of the change, with the booking's owner: slots are the
 * conversation's memory, not proof (`change_blocked` says why a change was refused).
 */
import { CocoError } from '../common';
import { canChangeBooking, SlotTakenError, type Booking } from '../crm';
import type { ActionResult, FlowAction, FlowInput } from '../core';
import type { SalonContext } from './deps';
import { slotTaken } from './booking-actions';
import { clientOf } from './identify-actions';
import { chosenOffer, textSlot, upcomingSlot } from './read-slots';

/**
 * The booking-change actions the flows name, by name.
 *
 * @example await createChangeActions(context).loadUpcoming({ slots: { client: 'C1' }, … })
 * // { slots: { upcoming: [{ id: 'B2', services: ['pedicure_gel'], … }], booking: 'B2' } }
 */
export function createChangeActions(context: SalonContext): Record<string, FlowAction> {
  const { crm } = context;
  return {
    /**
     * The client's upcoming bookings (`upcoming`); with exactly one it is also the chosen `booking`.
     * None: «no_upcoming_bookings».
     */
    loadUpcoming: async (input) => {
      const client = clientOf(input);
      const upcoming = client ? await crm.upcomingBookings(client) : [];
      if (upcoming.length === 0) return { slots: { upcoming: undefined, booking: undefined }, say: [{ response: 'no_upcoming_bookings' }] };
      const chosen = textSlot(input.slots, 'booking');
      const booking = upcoming.some((b) => b.id === chosen) ? chosen : upcoming.length === 1 ? upcoming[0].id : undefined;
      return { slots: { upcoming, booking } };
    },

    /**
     * The bookings this conversation made that are still upcoming (`upcoming`; with exactly one it is also
     * `booking`): a guest whose phone could not be verified may still change what she booked right here.
     */
    loadCreatedHere: async ({ conversation }) => {
      const now = context.clock().getTime();
      const found = await Promise.all((conversation.createdBookings ?? []).map((id) => crm.getBooking(id)));
      const upcoming = found.filter((b): b is Booking => b !== undefined && b.status === 'booked' && Date.parse(b.start) > now);
      if (upcoming.length === 0) return {};
      return { slots: { upcoming, booking: upcoming.length === 1 ? upcoming[0].id : undefined } };
    },

    /** Moves the chosen booking to the chosen offer (its start and master); a slot taken meanwhile sets `slot_taken`. */
    moveBooking: async (input) => {
      const { slots } = input;
      const checked = await changeableBooking(input, context);
      if ('blocked' in checked) return checked.blocked;
      const { id } = checked.booking;
      const offer = chosenOffer(slots);
      if (!offer) return slotTaken();
      try {
        const moved = await crm.moveBooking(id, { start: offer.start, master: offer.master }, { idempotencyKey: input.idempotencyKey });
        const upcoming = upcomingSlot(slots).map((b) => (b.id === moved.id ? moved : b));
        return { slots: { slot_taken: undefined, change_blocked: undefined, ...(upcoming.length > 0 && { upcoming }) } };
      } catch (error) {
        if (error instanceof SlotTakenError) return slotTaken();
        throw error;
      }
    },

    /** Cancels the chosen booking. */
    cancelBooking: async (input) => {
      // Her own booking cancelled already (this very message, replayed after a crash) is cancelled again: a no-op.
      const checked = await changeableBooking(input, context, { cancelled: true });
      if ('blocked' in checked) return checked.blocked;
      const { id } = checked.booking;
      await crm.cancelBooking(id, { idempotencyKey: input.idempotencyKey });
      return { slots: { change_blocked: undefined }, conversation: { cancelledBookings: [...(input.conversation.cancelledBookings ?? []), id] } };
    },
  };
}

/** Why a change was refused: the booking is not the identified guest's (or is gone), or the free-change window has passed. */
export type ChangeBlocked = 'not_yours' | 'too_late';

/**
 * The chosen booking as the CRM has it now, when the identified guest may change it herself: it is hers,
 * still booked, and outside the free-change window. Otherwise the result that says why (`change_blocked`).
 */
async function changeableBooking(input: FlowInput, context: SalonContext, accept: { cancelled?: boolean } = {}): Promise<{ booking: Booking } | { blocked: ActionResult }> {
  const blocked = (reason: ChangeBlocked) => ({ blocked: { slots: { change_blocked: reason } } });
  const booking = await context.crm.getBooking(bookingToChange(input.slots));
  const client = clientOf(input);
  // Hers: her client's, or made in this very conversation.
  const hers = booking !== undefined && ((client !== undefined && booking.clientId === client) || input.conversation.createdBookings?.includes(booking.id) === true);
  if (!booking || !hers) return blocked('not_yours');
  if (accept.cancelled && booking.status === 'cancelled') return { booking };
  if (!canChangeBooking(booking, context.clock(), context.rules).allowed) return blocked(booking.status === 'booked' ? 'too_late' : 'not_yours');
  return { booking };
}

/** The `booking` slot; the flows collect it before changing anything, so its absence is a flow bug. */
function bookingToChange(slots: Readonly<Record<string, unknown>>): string {
  const id = textSlot(slots, 'booking');
  if (!id) throw new CocoError('no booking is chosen to change', { hint: 'collect the "booking" slot (validate: bookingUpcoming) before moveBooking or cancelBooking' });
  return id;
}

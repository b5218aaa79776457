/**
 * Changing a booking: the guest's upcoming bookings, moving one to a chosen free slot, cancelling one.
 * The free-change rule is the `canChangeBooking` guard's, checked by the flows before these run.
 */
import { CocoError } from '../../common/errors';
import { SlotTakenError } from '../crm';
import type { FlowAction } from '../flows';
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

    /** Moves the chosen booking to the chosen offer (its start and master); a slot taken meanwhile sets `slot_taken`. */
    moveBooking: async ({ slots }) => {
      const id = bookingToChange(slots);
      const offer = chosenOffer(slots);
      if (!offer) return slotTaken();
      try {
        const moved = await crm.moveBooking(id, { start: offer.start, master: offer.master });
        const upcoming = upcomingSlot(slots).map((b) => (b.id === moved.id ? moved : b));
        return { slots: { slot_taken: undefined, ...(upcoming.length > 0 && { upcoming }) } };
      } catch (error) {
        if (error instanceof SlotTakenError) return slotTaken();
        throw error;
      }
    },

    /** Cancels the chosen booking. */
    cancelBooking: async ({ slots, conversation }) => {
      const id = bookingToChange(slots);
      await crm.cancelBooking(id);
      return { conversation: { cancelledBookings: [...(conversation.cancelledBookings ?? []), id] } };
    },
  };
}

/** The `booking` slot; the flows collect it before changing anything, so its absence is a flow bug. */
function bookingToChange(slots: Readonly<Record<string, unknown>>): string {
  const id = textSlot(slots, 'booking');
  if (!id) throw new CocoError('no booking is chosen to change', { hint: 'collect the "booking" slot (validate: bookingUpcoming) before moveBooking or cancelBooking' });
  return id;
}

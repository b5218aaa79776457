/**
 * The free-slot query of a flow's slots: the services, salon, master and time wish the guest gave, or,
 * for a booking being moved (`forBooking`), that booking's services, salon and master.
 */
import type { SlotQuery } from '../crm';
import type { ConversationInfo } from '../core';
import type { SalonContext } from './deps';
import { clientOf } from './identify-actions';
import { namedMaster, pickedBooking, servicesSlot, textSlot, whenSlot } from './read-slots';

type Slots = Record<string, unknown>;

/**
 * The query, or undefined when the slots do not yet say what to look for.
 *
 * @example await slotQueryOf({ service: ['manicure_gel'], branch: 'tverskaya', when }, {}, conversation, context)
 * // { services: ['manicure_gel'], branch: 'tverskaya', windows: […], limit: 5 }
 */
export async function slotQueryOf(slots: Slots, params: Record<string, unknown>, conversation: Readonly<ConversationInfo>, context: Pick<SalonContext, 'crm' | 'rules'>): Promise<SlotQuery | undefined> {
  const when = whenSlot(slots, 'when');
  const query: SlotQuery = {
    services: [],
    ...(when?.windows.length && { windows: when.windows }),
    ...(when?.asap && { asap: true }),
    limit: context.rules.booking.max_offered_slots,
  };
  if (params.forBooking === true) {
    const id = textSlot(slots, 'booking');
    const booking = pickedBooking(slots) ?? (id ? await context.crm.getBooking(id) : undefined);
    if (!booking) return undefined;
    return { ...query, services: booking.services, branch: booking.branch, master: booking.master, excludeBookingId: booking.id, guest: { clientId: booking.clientId, name: booking.guestName } };
  }
  const services = servicesSlot(slots);
  if (!services) return undefined;
  const branch = textSlot(slots, 'branch');
  const master = namedMaster(slots);
  // A known guest is not offered a time on top of her own visits (nor of the person she books for).
  // (By the phone the booking will carry when she is not identified: the CRM refuses that time anyway.)
  const clientId = clientOf({ slots, conversation });
  const phone = textSlot(slots, 'phone');
  const name = textSlot(slots, 'guest_name');
  if (clientId || phone) query.guest = { ...(clientId ? { clientId } : { phone }), ...(name && { name }) };
  return { ...query, services, ...(branch && { branch }), ...(master && { master }) };
}

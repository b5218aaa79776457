/**
 * Booking: free slots for the guest's choice, the contact prefilled from what we know, the booking
 * itself, and "как в прошлый раз" from the last completed visit.
 */
import { SlotTakenError, type SlotOffer, type SlotQuery } from '../crm';
import type { ActionResult, ConversationInfo, FlowAction } from '../core';
import { masterDoes, mastersDoing, type SalonContext } from './deps';
import { clientOf, knownClient } from './identify-actions';
import { prepaymentOf } from './prices';
import { avoidedMaster, chosenOffer, textSlot, whenSlot } from './read-slots';
import { slotQueryOf } from './slot-query';

/** A channel's display name that can stand for the guest's name: letters, spaces, hyphens, apostrophes. */
const NAME_LIKE = /^\p{L}[\p{L}'’ -]{0,39}$/u;

/** The channel's name for the guest when it reads as a name ("Анна", not "anna_k_92" or "🌸"). */
export function plausibleName(name: string | undefined): string | undefined {
  const trimmed = name?.trim().replace(/\s+/g, ' ');
  return trimmed && NAME_LIKE.test(trimmed) ? trimmed : undefined;
}

/**
 * The chosen time is gone (taken meanwhile, or no longer bookable): forget it, the offers and the
 * guest's yes to it, so the flow offers other times and asks again.
 */
export function slotTaken(): ActionResult {
  return { slots: { slot_taken: true, slot: undefined, offers: undefined, confirmed: undefined } };
}

/**
 * The booking actions the flows name, by name.
 *
 * @example await createBookingActions(context).findFreeSlots({ slots: { service: ['manicure_gel'], branch: 'tverskaya', master: 'any', when }, … })
 * // { slots: { offers: [{ start: '2026-11-27T18:00:00+03:00', master: 'olga', … }, …], slot: undefined } }
 */
export function createBookingActions(context: SalonContext): Record<string, FlowAction> {
  const { crm, rules } = context;
  const offered = (offers: SlotOffer[], soonerThanLead = false): ActionResult => ({
    slots: { offers: offers.length > 0 ? offers : undefined, slot: undefined, sooner_than_lead: soonerThanLead || undefined },
  });
  /**
   * «через час»: the soonest from a moment ahead that is still inside the lead time, which no offer can
   * meet. («как можно скорее» and «сегодня» start now: they ask for the soonest, not for a moment.)
   */
  const soonerThanLead = (when: ReturnType<typeof whenSlot>): boolean => {
    if (!when?.asap || when.windows.length === 0) return false;
    const now = context.clock().getTime();
    const earliest = Math.min(...when.windows.map((w) => Date.parse(w.from)));
    return earliest > now && earliest < now + rules.booking.lead_minutes * 60_000;
  };
  /** The free slots of each of these masters, nearest first, at most the query's limit (the port takes one master). */
  const slotsOfOthers = async (query: SlotQuery, masters: string[]): Promise<SlotOffer[]> => {
    const found = await Promise.all(masters.map((master) => crm.findFreeSlots({ ...query, master })));
    return found.flat().sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).slice(0, query.limit);
  };
  return {
    /**
     * Free slots for the services, branch, master and time preference (`offers`, cleared when none).
     * With `params.forBooking`, for the booking being moved: its services, branch and master, its own
     * time not counting as taken. Times on top of the guest's own other bookings are left out when she
     * is known. «Любой мастер» in a redo after a complaint means any other master
     * (`avoid_master`): the slots of each of them, nearest first.
     */
    findFreeSlots: async ({ slots, params, conversation }) => {
      const query = await slotQueryOf(slots, params, conversation, context);
      if (!query) return offered([]);
      const avoid = params.forBooking === true ? undefined : avoidedMaster(slots);
      if (!query.master && avoid) return offered(await slotsOfOthers(query, mastersDoing(context, query.branch, query.services, avoid)));
      return offered(await crm.findFreeSlots(query), params.forBooking !== true && soonerThanLead(whenSlot(slots, 'when')));
    },

    /** «к Кристине»: the salon of the master the guest named, when she has not named one herself. */
    branchOfMaster: async ({ slots }) => {
      const master = context.masters.get(textSlot(slots, 'master') ?? '');
      if (!master || textSlot(slots, 'branch') !== undefined) return {};
      return { slots: { branch: master.branch } };
    },

    /**
     * The contact from what we know: the guest's own phone (kept when booking for someone else) and
     * name — the CRM's client of this channel user or phone, else the name the channel gives. Only
     * slots the guest has not filled; a CRM that cannot be read only means we ask.
     */
    prefillContact: async ({ slots, conversation }) => {
      const phone = textSlot(slots, 'phone');
      const name = textSlot(slots, 'guest_name');
      if (phone && name) return {};
      const client = await knownClient(context, conversation).catch(() => undefined);
      const update: Record<string, unknown> = {};
      if (!phone) update.phone = conversation.phone ?? client?.phone ?? conversation.verifiedPhone;
      if (!name) update.guest_name = client?.name ?? plausibleName(conversation.name);
      return {
        slots: update,
        ...(client && { conversation: { clientId: client.id, phone: conversation.phone ?? client.phone } }),
      };
    },

    /**
     * Books the chosen offer for the guest. A slot taken meanwhile sets `slot_taken` (the flow offers
     * other times); a prepayment is mentioned with «prepayment_note». After a complaint within the
     * guarantee (`guarantee_fix`: its ticket) the booking is the free fix.
     */
    createBooking: async ({ slots, conversation, idempotencyKey }) => {
      const offer = chosenOffer(slots);
      if (!offer) return slotTaken();
      const fix = textSlot(slots, 'guarantee_fix');
      try {
        const booking = await crm.createBooking({
          services: offer.services,
          branch: offer.branch,
          master: offer.master,
          start: offer.start,
          guestName: textSlot(slots, 'guest_name') ?? '',
          phone: textSlot(slots, 'phone') ?? '',
          // Only a verified guest booking with her own number links this channel user to the client.
          ...(ownNumber(conversation, textSlot(slots, 'phone')) && { clientUserId: conversation.userId, channel: conversation.channel }),
          ...(fix && { guaranteeFix: { ticketId: fix } }),
        }, { idempotencyKey });
        // A free fix asks for no prepayment.
        const prepayment = !booking.guaranteeTicketId && prepaymentOf(booking.services, booking.master, context) > 0;
        return {
          slots: { created_booking: booking.id, slot_taken: undefined },
          conversation: {
            ...(ownNumber(conversation, booking.phone) && { clientId: booking.clientId, phone: booking.phone }),
            createdBookings: [...(conversation.createdBookings ?? []), booking.id],
          },
          ...(prepayment && { say: [{ response: 'prepayment_note' }] }),
        };
      } catch (error) {
        if (error instanceof SlotTakenError) return slotTaken();
        throw error;
      }
    },

    /** Sets the slots in `params.slots` to the values given (e.g. `{ master: any }` when the guest never chose one). */
    setSlots: async ({ params }) => {
      const values = params.slots;
      if (typeof values !== 'object' || values === null || Array.isArray(values)) return {};
      return { slots: { ...(values as Record<string, unknown>) } };
    },

    /** Forgets the slots in `params.slots` (e.g. the time preference after no free slots). */
    clearSlots: async ({ params }) => {
      const names = Array.isArray(params.slots) ? params.slots.filter((s): s is string => typeof s === 'string') : [];
      return { slots: Object.fromEntries(names.map((name) => [name, undefined])) };
    },

    /**
     * "Как в прошлый раз": the services, branch and master of the client's last completed visit
     * («repeat_last_found»), or «no_last_visit». A master who no longer does them is left to choose.
     */
    loadLastVisit: async (input) => {
      const client = clientOf(input);
      const visit = client ? await crm.lastCompletedVisit(client) : undefined;
      const services = visit?.services.filter((id) => context.services.has(id)) ?? [];
      if (!visit || services.length === 0) return { say: [{ response: 'no_last_visit' }] };
      // «как в прошлый раз, только в сити»: what the guest says wins over the visit.
      const branch = textSlot(input.slots, 'branch') ?? visit.branch;
      const named = textSlot(input.slots, 'master');
      const master = named ?? (masterDoes(context, visit.master, branch, services) ? visit.master : undefined);
      const changed = branch !== visit.branch || (named !== undefined && named !== visit.master);
      return {
        slots: { service: services, branch, master },
        say: [{ response: changed ? 'repeat_last_changed' : 'repeat_last_found' }],
      };
    },
  };
}

/** The phone is the guest's verified own: the identified client's, or the one the channel vouches for. */
function ownNumber(conversation: Readonly<ConversationInfo>, phone: string | undefined): boolean {
  return phone !== undefined && (phone === conversation.verifiedPhone || (conversation.clientId !== undefined && phone === conversation.phone));
}

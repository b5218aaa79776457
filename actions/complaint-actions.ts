/**
 * Complaints: what happened is prefilled from the visit history (so the guest is never asked twice),
 * stored as a ticket for the senior administrator, and — within the guarantee — turned into a free
 * fix booking.
 */
import type { ComplaintInput, ComplaintOutcome } from '../crm';
import type { FlowAction } from '../core';
import { OUTCOMES } from './buttons';
import { complaintGuarantee, dayWhen, matchingVisit, visitDateOf } from './complaint-visit';
import { branchOffers, type SalonContext } from './deps';
import { clientOf } from './identify-actions';
import { NO_PHOTO, masterSlot, namedMaster, servicesSlot, textSlot, whenSlot } from './read-slots';

/**
 * The complaint actions the flows name, by name.
 *
 * @example await createComplaintActions(context).prefillFromHistory({ slots: { client: 'C4' }, … })
 * // { slots: { branch: 'tverskaya', master: 'marina', service: ['manicure_gel'], visit_date: { windows: […], source: '21 ноября' } } }
 */
export function createComplaintActions(context: SalonContext): Record<string, FlowAction> {
  const { crm } = context;
  return {
    /**
     * For a known client, the most recent completed visit of the last 60 days that agrees with what the
     * guest said gives the branch, master, services and visit date they have not given yet.
     */
    prefillFromHistory: async (input) => {
      const client = clientOf(input);
      if (!client) return {};
      const { slots } = input;
      const visit = matchingVisit(await crm.visitHistory(client), slots, context, context.clock());
      if (!visit) return {};
      const given = (name: string) => slots[name] !== undefined && slots[name] !== null;
      const prefill: Record<string, unknown> = {
        branch: visit.branch,
        master: visit.master,
        service: visit.services,
        visit_date: dayWhen(visit.start, context),
      };
      return { slots: Object.fromEntries(Object.entries(prefill).filter(([name]) => !given(name))) };
    },

    /**
     * Stores the complaint as a ticket (`ticket`), judging the guarantee of the visit's service
     * (`within_guarantee`). When the history has the visit, `visit_date` becomes its exact day.
     */
    createTicket: async (input) => {
      const { slots, conversation } = input;
      const now = context.clock();
      const client = clientOf(input);
      // The history only refines what the guest said: without it the ticket is stored from her answers.
      const history = client ? await crm.visitHistory(client).catch(() => undefined) : undefined;
      const visit = history ? matchingVisit(history, slots, context, now) : undefined;
      const visitDate = visit ? dayWhen(visit.start, context) : whenSlot(slots, 'visit_date');
      const judged = { ...slots, visit_date: visitDate };
      const guarantee = complaintGuarantee(judged, context, now);
      const photo = textSlot(slots, 'photo');
      const outcome = textSlot(slots, 'outcome');
      // A correction after the ticket was stored (the master, the date) rewinds here: the same ticket is corrected.
      // Only a ticket this conversation stored is corrected: any other id makes a new ticket.
      const stored = [textSlot(slots, 'ticket')].find((id) => id !== undefined && conversation.tickets?.includes(id));
      const complaint: ComplaintInput = {
        ...(client && { clientId: client }),
        ...((textSlot(slots, 'phone') ?? conversation.phone) && { phone: textSlot(slots, 'phone') ?? conversation.phone }),
        branch: textSlot(slots, 'branch') ?? visit?.branch ?? '',
        visitDate: visitDateOf(judged, context) ?? context.calendar.date(context.calendar.dayOf(now.getTime())),
        master: masterSlot(slots) ?? visit?.master ?? '',
        service: guarantee?.service ?? servicesSlot(slots)?.[0] ?? visit?.services[0] ?? '',
        description: textSlot(slots, 'description') ?? '',
        ...(photo && photo !== NO_PHOTO && { photo }),
        outcome: OUTCOMES.includes(outcome as ComplaintOutcome) ? (outcome as ComplaintOutcome) : 'feedback',
        withinGuarantee: guarantee?.guarantee.within ?? false,
        ...(visit && { bookingId: visit.id }),
      };
      const write = { idempotencyKey: input.idempotencyKey };
      const ticket = stored ? await crm.updateComplaintTicket(stored, complaint, write) : await crm.createComplaintTicket(complaint, write);
      const tickets = conversation.tickets?.includes(ticket.id) ? conversation.tickets : [...(conversation.tickets ?? []), ticket.id];
      return { slots: { ticket: ticket.id, within_guarantee: ticket.withinGuarantee, ...(visitDate && { visit_date: visitDate }) }, conversation: { tickets } };
    },

    /**
     * Prepares the free fix for the booking flow: the same service, branch and master, a new time to
     * choose. For a redo with another master the master is chosen again and the one complained about is
     * not offered (`avoid_master`); when nobody else does the service in that branch, the branch is
     * chosen again too.
     */
    prepareFixBooking: async ({ slots }) => {
      const another = textSlot(slots, 'outcome') === 'redo_other_master';
      const avoid = another ? namedMaster(slots) : undefined;
      const branch = textSlot(slots, 'branch');
      const nobodyElseThere = avoid !== undefined && branch !== undefined && !branchOffers(context, branch, servicesSlot(slots) ?? [], avoid);
      return {
        slots: {
          when: undefined,
          slot: undefined,
          offers: undefined,
          confirmed: undefined,
          slot_taken: undefined,
          created_booking: undefined,
          // Within the guarantee (the flow comes here only then), the fix is free and names its ticket.
          guarantee_fix: textSlot(slots, 'ticket'),
          ...(another && { master: undefined, avoid_master: avoid }),
          ...(nobodyElseThere && { branch: undefined }),
        },
      };
    },
  };
}

/**
 * The salon's guards: conditions of `if` steps and validations of collect steps. A guard used as a
 * collect step's `validate` gets `params.slot`, the slot being validated.
 */
import { canChangeBooking } from '../crm';
import type { FlowGuard, FlowInput } from '../core';
import { branchOffers, masterDoes, type SalonContext } from './deps';
import { challengeSlot, codeMatches } from './identity-check';
import { ANY_MASTER, chosenOffer, masterSlot, pickedBooking, servicesSlot, SOMEONE_ELSE, textSlot, whenSlot } from './read-slots';

/** A Russian mobile number in E.164, as the NLU normalises it. */
const PHONE = /^\+7\d{10}$/;

/** The slot a guard checks: the validated one, else its usual slot. */
const slotName = (input: FlowInput, fallback: string): string => (typeof input.params.slot === 'string' ? input.params.slot : fallback);

/**
 * The guards the flows name, by name.
 *
 * @example createGuards(context).phoneValid({ slots: { phone: '+79990000001' }, params: {}, … }) // true
 */
export function createGuards(context: SalonContext): Record<string, FlowGuard> {
  return {
    /** A name was given, not only who the booking is for («мама»: her name is still to come). */
    nameGiven: (input) => {
      const name = textSlot(input.slots, slotName(input, 'guest_name'));
      return name !== undefined && name !== SOMEONE_ELSE;
    },

    /** The slot is a non-empty list of catalog service ids. */
    servicesKnown: (input) => servicesSlot(input.slots, slotName(input, 'service'))?.every((id) => context.services.has(id)) ?? false,

    /** The branch exists and offers every chosen service. */
    branchOffersServices: ({ slots }) => {
      const branch = textSlot(slots, 'branch');
      return branch !== undefined && branchOffers(context, branch, servicesSlot(slots) ?? []);
    },

    /** "Any master", or a master of the chosen branch who does every chosen service. */
    masterFits: ({ slots }) => {
      const master = masterSlot(slots);
      if (master === ANY_MASTER) return true;
      return master !== undefined && masterDoes(context, master, textSlot(slots, 'branch'), servicesSlot(slots) ?? []);
    },

    /** The chosen master works in another salon than the chosen one (why she does not fit: not her services). */
    masterInOtherBranch: ({ slots }) => {
      const master = context.masters.get(masterSlot(slots) ?? '');
      const branch = textSlot(slots, 'branch');
      return master !== undefined && branch !== undefined && master.branch !== branch;
    },

    /** The chosen booking was not cancelled in this conversation (a reschedule interrupted by its cancellation is over). */
    bookingStillOpen: ({ slots, conversation }) => {
      const booking = textSlot(slots, 'booking');
      return booking === undefined || !(conversation.cancelledBookings ?? []).includes(booking);
    },

    /** The time preference has at least one window, or asks for the nearest slot. */
    whenBookable: ({ slots }) => {
      const when = whenSlot(slots, 'when');
      return when !== undefined && (when.windows.length > 0 || when.asap === true);
    },

    /** The time named is gone by («на 24 ноября в 10:30» said at noon). */
    whenPassed: ({ slots }) => whenSlot(slots, 'when')?.outside === 'past',

    /** The time named is further ahead than online booking reaches. */
    whenTooFar: ({ slots }) => whenSlot(slots, 'when')?.outside === 'beyond_horizon',

    /** The chosen slot is one of the offered ones. */
    slotOffered: ({ slots }) => chosenOffer(slots) !== undefined,

    /** The phone is a Russian mobile number in E.164. */
    phoneValid: (input) => PHONE.test(textSlot(input.slots, slotName(input, 'phone')) ?? ''),

    /** The chosen booking is one of the guest's upcoming ones. */
    bookingUpcoming: ({ slots }) => pickedBooking(slots) !== undefined,

    /** The chosen booking may still be moved or cancelled by the assistant (the free-change rule). */
    canChangeBooking: ({ slots }) => {
      const booking = pickedBooking(slots);
      return booking !== undefined && canChangeBooking(booking, context.clock(), context.rules).allowed;
    },

    /** The one-time code the guest typed is the one sent to her verified channel, and still good. */
    identityCodeMatches: ({ slots }) => codeMatches(challengeSlot(slots), slots.identity_code, context.clock()),

    /** The visit date has at least one window. */
    visitDateKnown: (input) => (whenSlot(input.slots, slotName(input, 'visit_date'))?.windows.length ?? 0) > 0,
  };
}

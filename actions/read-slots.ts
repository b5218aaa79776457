/**
 * Typed readers of a flow's slots. Slots are plain JSON from the guest's messages, buttons and earlier
 * actions, so every reader checks the shape and gives undefined for anything else.
 */
import type { Booking, SlotOffer } from '../crm';
import type { WhenValue } from '../nlu';

type Slots = Readonly<Record<string, unknown>>;

/** The master slot's value for "any master" (flows/slots.yaml). */
export const ANY_MASTER = 'any';

/** The `guest_name` value for «мама», «для подруги»: the booking is for someone else, her name not given yet. */
export const SOMEONE_ELSE = 'someone_else';
/** The photo slot's value when the guest has no photo. */
export const NO_PHOTO = 'none';

/** Separates a start from the master in a chosen slot when two offers share the start. */
const CHOICE_SEPARATOR = '@';

/** A non-empty string slot. */
export function textSlot(slots: Slots, name: string): string | undefined {
  const value = slots[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A list of service ids (the `service` slot), or undefined when it is not a non-empty list of strings. */
export function servicesSlot(slots: Slots, name = 'service'): string[] | undefined {
  const value = slots[name];
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) return undefined;
  return value as string[];
}

/** A `when` value (the `when` and `visit_date` slots). */
export function whenSlot(slots: Slots, name: string): WhenValue | undefined {
  const value = slots[name] as Partial<WhenValue> | undefined;
  if (typeof value !== 'object' || value === null || !Array.isArray(value.windows)) return undefined;
  const windows = value.windows.filter((w) => typeof w?.from === 'string' && typeof w?.to === 'string');
  const outside = value.outside === 'past' || value.outside === 'beyond_horizon' ? value.outside : undefined;
  return { windows, source: typeof value.source === 'string' ? value.source : '', ...(value.asap === true && { asap: true }), ...(outside && { outside }) };
}

/** The offers findFreeSlots left in the `offers` slot. */
export function offersSlot(slots: Slots): SlotOffer[] {
  const value = slots.offers;
  return Array.isArray(value) ? value.filter((o): o is SlotOffer => typeof o?.start === 'string' && typeof o?.master === 'string') : [];
}

/** The bookings loadUpcoming left in the `upcoming` slot. */
export function upcomingSlot(slots: Slots): Booking[] {
  const value = slots.upcoming;
  return Array.isArray(value) ? value.filter((b): b is Booking => typeof b?.id === 'string' && typeof b?.start === 'string') : [];
}

/** The booking the guest picked (`booking`) among the upcoming ones. */
export function pickedBooking(slots: Slots): Booking | undefined {
  const id = textSlot(slots, 'booking');
  return id === undefined ? undefined : upcomingSlot(slots).find((b) => b.id === id);
}

/**
 * What the `slot` slot holds for an offer: its ISO start, or `<start>@<master>` when another offer has
 * the same start with another master (the search offers up to two masters per start).
 *
 * @example offerChoice({ start: '2026-11-27T18:00:00+03:00', master: 'marina', … }, offers) // "2026-11-27T18:00:00+03:00@marina"
 */
export function offerChoice(offer: Pick<SlotOffer, 'start' | 'master'>, offers: readonly SlotOffer[]): string {
  const shared = offers.filter((o) => o.start === offer.start).length > 1;
  return shared ? `${offer.start}${CHOICE_SEPARATOR}${offer.master}` : offer.start;
}

/** The offer the guest chose: the `slot` slot is an offer's start (the first offer at it) or `<start>@<master>`. */
export function chosenOffer(slots: Slots): SlotOffer | undefined {
  const choice = textSlot(slots, 'slot');
  if (choice === undefined) return undefined;
  const [start, master] = choice.split(CHOICE_SEPARATOR);
  return offersSlot(slots).find((o) => o.start === start && (master === undefined || o.master === master));
}

/** The `master` slot: a master id, "any", or undefined. */
export function masterSlot(slots: Slots): string | undefined {
  return textSlot(slots, 'master');
}

/** The master a redo after a complaint must not be offered (`avoid_master`), or undefined. */
export function avoidedMaster(slots: Slots): string | undefined {
  return textSlot(slots, 'avoid_master');
}

/** A named master (not "any"), or undefined. */
export function namedMaster(slots: Slots): string | undefined {
  const master = masterSlot(slots);
  return master === ANY_MASTER ? undefined : master;
}

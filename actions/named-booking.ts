/**
 * The `namedBooking` slot picker: which of her upcoming bookings a guest names in words, for the
 * `booking` slot of moving and cancelling. «маникюр», «ту, что 1 декабря», «к Ольге на Тверской» at
 * «Какую выберете?»; «ой нет, перенесите маникюр 26.11 11:00» while another booking is being moved.
 */
import type { WhenValue } from '../nlu';
import type { Booking } from '../crm';
import type { PickerInput, SlotPicker } from '../core';
import type { SalonContext } from './deps';
import { upcomingSlot } from './read-slots';

/** Entities below this confidence name a booking only when the guest is asked which one. */
const UNASKED_MIN_CONFIDENCE = 0.7;

/** The entities that can point at a booking, and how each narrows the bookings down. */
type Narrow = (bookings: readonly Booking[], value: unknown) => Booking[];

/**
 * Reads the booking a message names among the `upcoming` slot's bookings: every service, master, branch
 * and time the message names must fit it, and only one booking may fit. A time names a booking only
 * alongside a service, master or branch, or when the guest is asked which booking: otherwise «в субботу»
 * is the new time she wants, not the booking on Saturday. When all of them fit none, the service, master
 * and branch alone are tried: in «перенесите маникюр на пятницу» Friday is the new time.
 */
export function namedBookingPicker(context: Pick<SalonContext, 'services'>): SlotPicker {
  const narrowers: Record<string, Narrow> = {
    service: (bookings, value) => byService(bookings, value, context.services),
    master: (bookings, value) => bookings.filter((b) => b.master === value),
    branch: (bookings, value) => bookings.filter((b) => b.branch === value),
    when: (bookings, value) => bookings.filter((b) => startsWithin(b, value)),
  };
  return ({ slots, entities, awaited }: PickerInput) => {
    const upcoming = upcomingSlot(slots);
    if (upcoming.length < 2) return undefined;
    const cues = entities.filter((e) => e.entity in narrowers && (awaited || (e.confidence ?? 1) >= UNASKED_MIN_CONFIDENCE));
    const things = cues.filter((e) => e.entity !== 'when');
    const attempts = awaited || things.length > 0 ? [cues, things] : [];
    for (const used of attempts) {
      if (used.length === 0) continue;
      const fitting = used.reduce<Booking[]>((bookings, e) => narrowers[e.entity](bookings, e.value), upcoming);
      if (fitting.length === 1) return { value: fitting[0].id, entities: [...used] };
    }
    return undefined;
  };
}

/** Bookings with the service; if none, bookings with a service of its category (gel or classic, «маникюр» is a manicure). */
function byService(bookings: readonly Booking[], value: unknown, services: SalonContext['services']): Booking[] {
  const exact = bookings.filter((b) => b.services.includes(value as string));
  if (exact.length > 0) return exact;
  const category = services.get(value as string)?.category;
  return category === undefined ? [] : bookings.filter((b) => b.services.some((s) => services.get(s)?.category === category));
}

/** The booking starts inside one of the time's windows (a bare «11:00» is a window of one moment). */
function startsWithin(booking: Booking, value: unknown): boolean {
  const windows = (value as Partial<WhenValue> | undefined)?.windows;
  if (!Array.isArray(windows)) return false;
  const start = Date.parse(booking.start);
  return windows.some((w) => Date.parse(w.from) <= start && start <= Date.parse(w.to));
}

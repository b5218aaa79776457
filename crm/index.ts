/**
 * The CRM port of the dialogue engine and its embedded demo CRM. Flows depend on the {@link Crm}
 * interface only; the engine passes the demo CRM or a real CRM's adapter.
 */

// The port and its data
export type { Crm } from './port';
export type {
  Booking, BookingRequest, BookingStatus, Client, ComplaintInput, ComplaintOutcome, MoveRequest, SlotGuest, SlotOffer, SlotQuery, Ticket, TimeWindow, WriteOptions,
} from './types';

// Errors
export { BookingNotActiveError, BookingNotFoundError, ClientNotFoundError, CrmError, CrmUnavailableError, SlotTakenError, TicketNotFoundError, type SlotProblem } from './errors';

// Rules the flows apply (pure)
export { canChangeBooking, type ChangePermission } from './change-policy';
export { guaranteeFor, type GuaranteeStatus } from './guarantee';
export { priceOf, type VisitPrice } from './price';

// Building blocks for adapters of real CRMs (pure)
export { searchFreeSlots, MAX_OFFERS_PER_START, type BusyInterval, type BusyLookup, type GuestBusyLookup } from './free-slots';
export { isSameGuest } from './same-guest';
export { slotRuleProblem, canDo, durationOf, type SlotSpan } from './slot-rules';
export { buildSchedule, type Schedule, type WorkingHours } from './schedule';
export { minutesOfDay, salonCalendar, type SalonCalendar } from './salon-calendar';

// The demo CRM
export { createDemoCrm, DEMO_GUESTS, PAST_DAYS, TARGET_OCCUPANCY, type DemoCrm, type DemoCrmOptions, type DemoGuest, type DemoVisit, type DemoVisitTime, restoreDemoData, snapshotDemoData, type DemoSnapshot, type DemoCrmFixtures, type BookingFixture, type ClientFixture, type Random, seededRandom } from './demo';

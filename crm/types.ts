/**
 * The data the CRM port exchanges. Times are ISO strings in salon time with the offset
 * (`2026-11-27T15:00:00+03:00`); services, branches and masters are catalog ids.
 */
import type { TimeWindow } from '../nlu';

export type { TimeWindow };

/** A booking's life: `booked` (upcoming or not yet marked), `cancelled`, `completed` (a past visit). */
export type BookingStatus = 'booked' | 'cancelled' | 'completed';

export interface Booking {
  id: string;
  status: BookingStatus;
  branch: string;
  master: string;
  /** Service ids, done back to back in this order. */
  services: string[];
  start: string;
  end: string;
  /** Whom the booking is for ("на имя мамы" gives the mother's name). */
  guestName: string;
  /** The contact phone (E.164), the booking guest's own even when booking for someone else. */
  phone: string;
  /** The client the phone belongs to. */
  clientId: string;
  /** Roubles, top-master surcharge included; 0 for a free fix under the guarantee. */
  price: number;
  createdAt: string;
  /** A free fix under the guarantee: the complaint ticket it fixes. */
  guaranteeTicketId?: string;
}

export interface Client {
  id: string;
  name: string;
  /** E.164, e.g. `+79990000001`. */
  phone: string;
}

/** A free slot the assistant may offer. */
export interface SlotOffer {
  start: string;
  end: string;
  branch: string;
  master: string;
  services: string[];
  /** Roubles, top-master surcharge included. */
  price: number;
  /** True when a service's price is a lower bound ("от 2 500 ₽", e.g. a haircut). */
  priceFrom: boolean;
  /** The total duration. */
  minutes: number;
}

export interface SlotQuery {
  /** Service ids, done back to back by one master. */
  services: string[];
  branch?: string;
  master?: string;
  /** Bounds on the START time (both ends inclusive), from the NLU `when` entity; none = any time. */
  windows?: TimeWindow[];
  /** The guest wants the nearest slot ("как можно скорее"). */
  asap?: boolean;
  /** At most this many offers; the rules' `max_offered_slots` when absent. */
  limit?: number;
  /** A booking being moved: its own time does not count as taken. */
  excludeBookingId?: string;
  /**
   * Whom the slot is for, when the client is known: a time that overlaps another active booking of hers
   * for the same person is not offered (she cannot be in two chairs at once; her mother's booking does
   * not stop her own).
   */
  guest?: SlotGuest;
}

/**
 * Who a slot is for: the client (by id, or by the contact phone the booking will carry) and the name the
 * booking will carry (none: the client herself).
 */
export interface SlotGuest {
  clientId?: string;
  /** E.164; used when the client id is not known yet (the phone a guest typed). */
  phone?: string;
  name?: string;
}

export interface BookingRequest {
  services: string[];
  branch: string;
  master: string;
  start: string;
  guestName: string;
  /** E.164. */
  phone: string;
  /** The channel user who books; with `channel`, the client is linked to that user. */
  clientUserId?: string;
  channel?: string;
  /**
   * A free fix of a complaint within the guarantee: booked at no charge and linked to the ticket. The
   * ticket must exist and be within the guarantee.
   */
  guaranteeFix?: { ticketId: string };
}

export interface MoveRequest {
  start: string;
  /** Another master of the same branch; the booking's own master when absent. */
  master?: string;
}

/** What the guest wants from a complaint. */
export type ComplaintOutcome = 'free_fix' | 'redo_other_master' | 'refund' | 'feedback';

export interface ComplaintInput {
  clientId?: string;
  phone?: string;
  branch: string;
  /** The visit's date, `YYYY-MM-DD`. */
  visitDate: string;
  master: string;
  service: string;
  /** What happened, in the guest's words. */
  description: string;
  /** A photo reference (URL or channel file id). */
  photo?: string;
  outcome: ComplaintOutcome;
  withinGuarantee: boolean;
  /** The visit complained about, when known. */
  bookingId?: string;
}

/** A complaint ticket for the senior administrator. */
export interface Ticket extends ComplaintInput {
  id: string;
  createdAt: string;
}

/**
 * How a write may be repeated safely. The engine derives `idempotencyKey` from the inbound message and
 * the flow step that writes (`<conversation>/<message>/<flow>/<step>`): the same message replayed after a
 * crash carries the same key, and the CRM must then return the first write's result instead of writing
 * again. A write without a key is performed as asked.
 */
export interface WriteOptions {
  idempotencyKey?: string;
}

/**
 * Errors of the CRM port. Flows tell them apart: a taken slot means "offer other times", a missing
 * booking means "ask which one", an unavailable CRM means "hand over to an administrator, try later".
 */
import { CocoError } from '../common';

/** The base of every CRM error. */
export class CrmError extends CocoError {}

/** Why a slot cannot be booked: taken meanwhile, or not bookable at all (closed, too soon, wrong master…). */
export type SlotProblem = 'taken' | 'invalid';

/**
 * The requested slot cannot be booked: another booking took it meanwhile (`reason: 'taken'`), or it
 * breaks a booking rule (`reason: 'invalid'`: outside hours, off the grid, too soon, too far ahead, a
 * master who does not work then or does not do the service). `detail` says which, for logs.
 */
export class SlotTakenError extends CrmError {
  constructor(
    readonly reason: SlotProblem,
    readonly detail: string,
    readonly slot: { master: string; start: string },
  ) {
    super(`the slot ${slot.start} with master "${slot.master}" cannot be booked: ${detail}`, {
      hint: 'offer the guest other slots from findFreeSlots',
    });
  }
}

/** No booking has this id. */
export class BookingNotFoundError extends CrmError {
  constructor(readonly bookingId: string) {
    super(`no booking "${bookingId}"`, { hint: 'take the id from upcomingBookings or listBookings' });
  }
}

/** The booking is cancelled or completed, so it cannot be moved or cancelled. */
export class BookingNotActiveError extends CrmError {
  constructor(readonly bookingId: string, readonly status: string) {
    super(`booking "${bookingId}" is ${status}, so it cannot be changed`, { hint: 'only booked (upcoming) bookings can be moved or cancelled' });
  }
}

/** No complaint ticket has this id. */
export class TicketNotFoundError extends CrmError {
  constructor(readonly ticketId: string) {
    super(`no complaint ticket "${ticketId}"`, { hint: 'take the id from createComplaintTicket' });
  }
}

/** No client has this id. */
export class ClientNotFoundError extends CrmError {
  constructor(readonly clientId: string) {
    super(`no client "${clientId}"`, { hint: 'take the id from findClientByPhone or a booking' });
  }
}

/**
 * A remote CRM could not be reached or failed (network, timeout, 5xx). Adapters wrap the cause; flows
 * apologise and hand the guest over to an administrator. A refusal of the request itself (a slot taken,
 * a booking not found) is one of the other errors, never this one.
 */
export class CrmUnavailableError extends CrmError {
  constructor(readonly crm: string, options: { cause?: unknown; detail?: string } = {}) {
    super(`the CRM "${crm}" is unavailable${options.detail ? `: ${options.detail}` : ''}`, {
      hint: 'check the CRM connection settings and its status page; the guest is handed over to an administrator meanwhile',
      cause: options.cause,
    });
  }
}

/**
 * Rows of the demo CRM's tables and their mapping to the port's types. Ids are integers in the tables and
 * strings with a letter outside (`B12` a booking, `C3` a client, `T1` a ticket).
 */
import type { SalonCalendar } from '../salon-calendar';
import type { Booking, BookingStatus, Client, ComplaintOutcome, Ticket } from '../types';

export interface BookingRow {
  id: number;
  status: BookingStatus;
  branch: string;
  master: string;
  services: string;
  start_ms: number;
  end_ms: number;
  guest_name: string;
  phone: string;
  client_id: number;
  price: number;
  created_ms: number;
  guarantee_ticket: number | null;
}

export interface ClientRow {
  id: number;
  name: string;
  phone: string;
}

export interface TicketRow {
  id: number;
  created_ms: number;
  client_id: number | null;
  phone: string | null;
  branch: string;
  visit_date: string;
  master: string;
  service: string;
  description: string;
  photo: string | null;
  outcome: ComplaintOutcome;
  within_guarantee: number;
  booking_id: string | null;
}

export const formatBookingId = (id: number): string => `B${id}`;
export const formatClientId = (id: number): string => `C${id}`;
export const formatTicketId = (id: number): string => `T${id}`;

/**
 * The integer of a string id with its letter, or undefined when it is not one.
 *
 * @example parseId('B', 'B12') // 12
 */
export function parseId(letter: 'B' | 'C' | 'T', id: string): number | undefined {
  const match = /^([A-Z])(\d{1,15})$/.exec(id.trim().toUpperCase());
  return match && match[1] === letter ? Number(match[2]) : undefined;
}

export function toBooking(row: BookingRow, calendar: SalonCalendar): Booking {
  return {
    id: formatBookingId(row.id),
    status: row.status,
    branch: row.branch,
    master: row.master,
    services: JSON.parse(row.services) as string[],
    start: calendar.iso(row.start_ms),
    end: calendar.iso(row.end_ms),
    guestName: row.guest_name,
    phone: row.phone,
    clientId: formatClientId(row.client_id),
    price: row.price,
    createdAt: calendar.iso(row.created_ms),
    ...(row.guarantee_ticket !== null && { guaranteeTicketId: formatTicketId(row.guarantee_ticket) }),
  };
}

export function toClient(row: ClientRow): Client {
  return { id: formatClientId(row.id), name: row.name, phone: row.phone };
}

export function toTicket(row: TicketRow, calendar: SalonCalendar): Ticket {
  return {
    id: formatTicketId(row.id),
    createdAt: calendar.iso(row.created_ms),
    ...(row.client_id !== null && { clientId: formatClientId(row.client_id) }),
    ...(row.phone !== null && { phone: row.phone }),
    branch: row.branch,
    visitDate: row.visit_date,
    master: row.master,
    service: row.service,
    description: row.description,
    ...(row.photo !== null && { photo: row.photo }),
    outcome: row.outcome,
    withinGuarantee: row.within_guarantee === 1,
    ...(row.booking_id !== null && { bookingId: row.booking_id }),
  };
}

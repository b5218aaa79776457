/**
 * The display helpers bound to the catalog and the current moment ({@link describeForGuest}), so that
 * a turn can fill its response variables in one place: branch and master names from ids, times in the
 * salon's zone, "сегодня" and "завтра" relative to now.
 */
import type { Branch, Catalog, Weekday } from '../catalog';
import { formatCount, formatDuration, formatPrice } from './numbers';
import { formatList, formatServiceNames, maskPhone } from './text';
import { formatAdminAnswerTime, formatDate, formatHours, formatSlotTime } from './time';

/** A booking or a free slot, as far as a one-line summary needs it. */
export interface BookingLike {
  services: readonly string[];
  start: string;
  branch: string;
  master: string;
}

/** The display helpers bound to a catalog and a moment (see {@link describeForGuest}). */
export interface GuestDescriber {
  /** "пт, 27 ноября, 18:00"; "сегодня, …" / "завтра, …" relative to now. */
  formatSlotTime(iso: string): string;
  /** "27 ноября". */
  formatDate(iso: string): string;
  /** "2 900 ₽", "от 2 500 ₽". */
  formatPrice(rub: number, options?: { from?: boolean }): string;
  /** "маникюр с покрытием гель-лак и дизайн"; `details` keeps the part in brackets. */
  formatServiceNames(ids: readonly string[], options?: { details?: boolean }): string;
  /** "+7 999 ***-**-67". */
  maskPhone(phone: string): string;
  /** A branch (or its id) opening hours: "ежедневно 10:00–22:00". */
  formatHours(branch: string | Pick<Branch, 'hours'>): string;
  /** "в ближайшее время", "завтра после 10:00" (from the rules' admin_hours). */
  formatAdminAnswerTime(adminHours: Partial<Record<Weekday, string>>): string;
  /** A branch's name with its quotes («Тверская»); the id when unknown. */
  branchName(id: string): string;
  /** Several branches: "«Патриаршие» и «Сити»". */
  branchNames(ids: readonly string[]): string;
  branchAddress(id: string): string;
  /** A master's full name; '' for "any" or an unknown id. */
  masterName(id: string): string;
  /** "маникюр с покрытием гель-лак, пт, 27 ноября, 18:00, «Тверская», мастер Ольга Смирнова". */
  bookingSummary(booking: BookingLike): string;
  formatCount: typeof formatCount;
  formatDuration: typeof formatDuration;
}

/**
 * The display helpers for one turn: the catalog gives names and the time zone, `now` the meaning of
 * "сегодня" and "завтра" (logic never reads the clock).
 *
 * @example
 * const guest = describeForGuest({ catalog, now: '2026-11-24T12:00:00+03:00' });
 * guest.formatSlotTime('2026-11-25T18:00:00+03:00'); // "завтра, 25 ноября, 18:00"
 * guest.branchName('tverskaya');                     // "«Тверская»"
 */
export function describeForGuest(context: { catalog: Catalog; now?: Date | string | number }): GuestDescriber {
  const { catalog, now } = context;
  const time = { timeZone: catalog.timezone, now };
  const branch = (id: string) => catalog.branches.find((b) => b.id === id);
  const describer: GuestDescriber = {
    formatSlotTime: (iso) => formatSlotTime(iso, time),
    formatDate: (iso) => formatDate(iso, time),
    formatPrice,
    formatServiceNames: (ids, options) => formatServiceNames(ids, catalog, options),
    maskPhone,
    formatHours: (b) => {
      const found = typeof b === 'string' ? branch(b) : b;
      return found ? formatHours(found) : '';
    },
    formatAdminAnswerTime: (adminHours) => (now === undefined ? '' : formatAdminAnswerTime(adminHours, { timeZone: catalog.timezone, now })),
    branchName: (id) => branch(id)?.name ?? id,
    branchNames: (ids) => formatList(ids.map((id) => branch(id)?.name ?? id)),
    branchAddress: (id) => branch(id)?.address ?? '',
    masterName: (id) => catalog.masters.find((m) => m.id === id)?.name ?? '',
    bookingSummary: (booking) => {
      const master = describer.masterName(booking.master);
      return [
        formatServiceNames(booking.services, catalog),
        formatSlotTime(booking.start, time),
        describer.branchName(booking.branch),
        master ? `мастер ${master}` : '',
      ].filter(Boolean).join(', ');
    },
    formatCount,
    formatDuration,
  };
  return describer;
}

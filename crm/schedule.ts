/**
 * The catalog seen as a working schedule: lookups by id and, precomputed once per master and weekday,
 * the minutes the master works (the branch's hours on the master's days).
 */
import { WEEKDAYS, type Branch, type Catalog, type Master, type Service } from '../salon';
import { CrmError } from './errors';
import { minutesOfDay, salonCalendar, type SalonCalendar } from './salon-calendar';

/** Working minutes of a day, from local midnight; `close` may be 1440. */
export interface WorkingHours {
  open: number;
  close: number;
}

export interface Schedule {
  readonly catalog: Catalog;
  readonly calendar: SalonCalendar;
  readonly services: ReadonlyMap<string, Service>;
  readonly masters: ReadonlyMap<string, Master>;
  readonly branches: ReadonlyMap<string, Branch>;
  /** The master's hours on a local day, or undefined when the master does not work then. */
  hoursOf(master: string, day: number): WorkingHours | undefined;
  /** The service with this id. @throws {CrmError} when unknown. */
  service(id: string): Service;
}

/**
 * Indexes the catalog and precomputes every master's hours per weekday.
 *
 * @param at  an instant whose zone offset is used (the salon zone has a fixed offset).
 * @example
 * const schedule = buildSchedule(catalog, clock());
 * schedule.hoursOf('olga', schedule.calendar.dayOf(Date.parse('2026-11-27T12:00:00+03:00'))); // { open: 600, close: 1320 }
 */
export function buildSchedule(catalog: Catalog, at: Date): Schedule {
  const calendar = salonCalendar(catalog.timezone, at);
  const services = new Map(catalog.services.map((s) => [s.id, s]));
  const masters = new Map(catalog.masters.map((m) => [m.id, m]));
  const branches = new Map(catalog.branches.map((b) => [b.id, b]));
  const weekly = new Map<string, Array<WorkingHours | undefined>>();
  for (const master of catalog.masters) {
    const branch = branches.get(master.branch);
    weekly.set(master.id, WEEKDAYS.map((day) => {
      const hours = branch?.hours[day];
      if (!hours || !master.days.includes(day)) return undefined;
      return { open: minutesOfDay(hours.slice(0, 5)), close: minutesOfDay(hours.slice(6)) };
    }));
  }
  return {
    catalog, calendar, services, masters, branches,
    hoursOf: (master, day) => weekly.get(master)?.[WEEKDAYS.indexOf(calendar.weekday(day))],
    service: (id) => {
      const service = services.get(id);
      if (!service) throw new CrmError(`unknown service "${id}"`, { hint: `use a service id of the catalog: ${[...services.keys()].join(', ')}` });
      return service;
    },
  };
}

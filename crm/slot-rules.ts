/**
 * The booking rules one slot must meet, apart from being free: known services a master of that
 * branch does and the branch offers, a start on the grid, within the master's working hours (ending by
 * closing time), no sooner than the lead time and no later than the horizon.
 */
import type { BookingRules } from '../salon';
import type { Schedule } from './schedule';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A slot as instants. */
export interface SlotSpan {
  services: readonly string[];
  branch: string;
  master: string;
  startMs: number;
}

/** The total minutes of services done back to back; unknown ids count 0. */
export function durationOf(serviceIds: readonly string[], schedule: Schedule): number {
  return serviceIds.reduce((sum, id) => sum + (schedule.services.get(id)?.minutes ?? 0), 0);
}

/**
 * Why the master cannot do these services at this branch, or undefined when they can.
 *
 * @example canDo(schedule, 'anna', 'tverskaya', ['manicure_gel']) // 'master "anna" does not do manicure_gel'
 */
export function canDo(schedule: Schedule, masterId: string, branchId: string, serviceIds: readonly string[]): string | undefined {
  if (serviceIds.length === 0) return 'no services';
  const master = schedule.masters.get(masterId);
  if (!master) return `unknown master "${masterId}"`;
  if (!schedule.branches.has(branchId)) return `unknown branch "${branchId}"`;
  if (master.branch !== branchId) return `master "${masterId}" works at ${master.branch}, not ${branchId}`;
  for (const id of serviceIds) {
    const service = schedule.services.get(id);
    if (!service) return `unknown service "${id}"`;
    if (!master.services.includes(id)) return `master "${masterId}" does not do ${id}`;
    if (!service.branches.includes(branchId)) return `${id} is not offered at ${branchId}`;
  }
  return undefined;
}

/**
 * Why this slot breaks a booking rule, or undefined when it meets them all (it may still be taken).
 *
 * @example
 * slotRuleProblem(schedule, rules.booking, now, { services: ['manicure_gel'], branch: 'tverskaya',
 *   master: 'olga', startMs: Date.parse('2026-11-28T12:00:00+03:00') }); // 'master "olga" does not work on sat'
 */
export function slotRuleProblem(schedule: Schedule, rules: BookingRules, nowMs: number, slot: SlotSpan): string | undefined {
  const cannot = canDo(schedule, slot.master, slot.branch, slot.services);
  if (cannot) return cannot;
  const { calendar } = schedule;
  const day = calendar.dayOf(slot.startMs);
  const minute = (slot.startMs - calendar.dayStart(day)) / MINUTE_MS;
  if (!Number.isInteger(minute) || minute % rules.grid_minutes !== 0) return `the start is not on the ${rules.grid_minutes}-minute grid`;
  const hours = schedule.hoursOf(slot.master, day);
  if (!hours) return `master "${slot.master}" does not work on ${calendar.weekday(day)}`;
  if (minute < hours.open) return 'the start is before opening time';
  if (minute + durationOf(slot.services, schedule) > hours.close) return 'the services would end after closing time';
  if (slot.startMs < nowMs + rules.lead_minutes * MINUTE_MS) return `the start is less than ${rules.lead_minutes} minutes from now`;
  if (slot.startMs > nowMs + rules.horizon_days * DAY_MS) return `the start is more than ${rules.horizon_days} days ahead`;
  return undefined;
}

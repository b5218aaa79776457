/**
 * The words of «nothing is free then»: each reason's variables, set only for that reason, so that
 * `no_slots_for_preference` says the one variant that fits.
 */
import { formatWeekdays, weekdayOn, type GuestDescriber, type Weekday } from '../salon';
import type { SalonContext } from './deps';
import type { NoSlotReason } from './no-slot-reason';

/**
 * The variables of the reason in the `no_slots` slot (none when it holds none).
 *
 * @example noSlotVariables({ reason: 'master_day_off', master: 'olga', weekday: 'sat', day: '2026-11-28' }, context, guest)
 * // { no_slots_master: 'Ольга Смирнова', no_slots_weekday: 'в субботу', no_slots_master_days: 'пн–пт' }
 */
export function noSlotVariables(value: unknown, context: Pick<SalonContext, 'masters' | 'branches'>, guest: GuestDescriber, services: readonly string[] | undefined): Record<string, string> {
  const reason = asReason(value);
  if (!reason) return {};
  switch (reason.reason) {
    case 'master_day_off': {
      const master = context.masters.get(reason.master);
      if (!master) return {};
      return { no_slots_master: master.name, no_slots_weekday: weekdayOn(reason.weekday as Weekday), no_slots_master_days: formatWeekdays(master.days) };
    }
    case 'closed':
      return reason.branch && context.branches.has(reason.branch)
        ? { no_slots_branch: guest.branchName(reason.branch), no_slots_hours: guest.formatHours(reason.branch) }
        : { no_slots_day: guest.formatDate(reason.day) };
    case 'too_long': {
      const names = guest.formatServiceNames(services ?? []);
      if (!names) return { no_slots_day: guest.formatDate(reason.day) };
      return { no_slots_services: names[0].toUpperCase() + names.slice(1), no_slots_duration: guest.formatDuration(reason.minutes), no_slots_latest: reason.latest };
    }
    case 'taken':
      return { no_slots_day: reason.day && reason.days === 1 ? guest.formatDate(reason.day) : 'эти дни' };
  }
}

function asReason(value: unknown): NoSlotReason | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const reason = (value as { reason?: unknown }).reason;
  return reason === 'master_day_off' || reason === 'closed' || reason === 'too_long' || reason === 'taken' ? (value as NoSlotReason) : undefined;
}

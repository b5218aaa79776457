import type { WhenValue } from '../../../nlu';

/**
 * A time of day said after a day was chosen refines that day instead of replacing it: «в пятницу», then
 * «а в 19:30?» is Friday at 19:30, not 19:30 on any day. The new windows are kept on the days the
 * chosen ones are on; when none falls on them, the new value stands as said.
 *
 * @example refinedWhen({ windows: [friday] , source: 'в пятницу' }, { windows: [every day at 19:30], source: 'в 19:30', timeOnly: true })
 * // { windows: [friday at 19:30], source: 'в пятницу, в 19:30' }
 */
export function refinedWhen(current: unknown, next: WhenValue): WhenValue {
  if (!next.timeOnly || !isWhen(current) || current.timeOnly || current.asap || current.windows.length === 0) return next;
  const days = new Set(current.windows.map((w) => w.from.slice(0, 10)));
  const windows = next.windows.filter((w) => days.has(w.from.slice(0, 10)));
  if (windows.length === 0) return next;
  return { windows, source: `${current.source}, ${next.source}` };
}

function isWhen(value: unknown): value is WhenValue {
  return typeof value === 'object' && value !== null && Array.isArray((value as WhenValue).windows) && typeof (value as WhenValue).source === 'string';
}

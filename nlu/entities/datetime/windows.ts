/**
 * Final shape of the windows: clipped to the horizon ([now, now + horizon], or [now − horizon, now]
 * looking back), sorted, merged where they overlap,
 * formatted as Moscow ISO strings.
 */

import type { TimeWindow } from '../../types';
import { formatMsk } from './calendar';
import type { RawWindow } from './combine';
import type { WhenContext } from './items';

/**
 * Clips, sorts, merges and formats windows. A window entirely outside the horizon is dropped, and
 * so is a range clipped to a single instant; both ends are inclusive, so touching windows merge as
 * well.
 *
 * @example
 * // now = 2026-11-24T12:00+03:00: today's 09:00–22:00 becomes 12:00–22:00
 */
export function finishWindows(raw: RawWindow[], ctx: WhenContext): TimeWindow[] {
  const clipped = raw
    .map((w) => ({ from: Math.max(w.from, ctx.horizonStart), to: Math.min(w.to, ctx.horizonEnd), point: w.from === w.to }))
    // A range cut down to a single instant by now or the horizon has no room left ("утром" said
    // at 12:00); an exact time ("в 15:30") is a single instant by nature and stays.
    .filter((w) => w.from < w.to || (w.from === w.to && w.point))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: RawWindow[] = [];
  for (const w of clipped) {
    const last = merged[merged.length - 1];
    if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else merged.push({ from: w.from, to: w.to });
  }
  return merged.map((w) => ({ from: formatMsk(w.from), to: formatMsk(w.to) }));
}

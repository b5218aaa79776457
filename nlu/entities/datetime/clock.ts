/**
 * Clock times as guests write them ("18:00", "6", "3 часа дня", "7 вечера", "в час", "полдень")
 * and how a bare hour is read: 1..8 alone is pm ("после 6" = 18:00), unless a part of the day
 * around it says otherwise ("утром в 8" = 08:00).
 */

import { Clock, ClockItem, Meridiem, WhenContext } from './items';

const NUMBER = /^(\d{1,2})(?:[:.](\d{2}))?/;
const MERIDIEM = /(утра|дня|вечера|ночи)$/;

/**
 * Parses the clock part of a match (the `T` of the time rules).
 *
 * @example parseClock('3 часа дня') // { minutes: 900, flexible: false }
 * @example parseClock('6')          // { minutes: 360, flexible: true } → 18:00 by default
 */
export function parseClock(raw: string): Clock | null {
  const s = raw.trim();
  let hour: number;
  let minute = 0;
  let leadingZero = false;
  const m = NUMBER.exec(s);
  if (m) {
    hour = Number(m[1]);
    minute = m[2] === undefined ? 0 : Number(m[2]);
    leadingZero = m[1].length === 2 && m[1][0] === '0';
  } else if (s.startsWith('полд') || s.startsWith('полуд')) {
    return { minutes: 12 * 60, flexible: false };
  } else if (s.startsWith('час')) {
    hour = 1;
  } else {
    return null;
  }
  if (hour > 23 || minute > 59) return null;

  const suffix = MERIDIEM.exec(s);
  if (suffix) {
    switch (suffix[1]) {
      case 'утра':
        break;
      case 'дня':
        if (hour >= 1 && hour <= 6) hour += 12;
        break;
      case 'вечера':
        if (hour < 12) hour += 12;
        break;
      case 'ночи':
        if (hour === 12) hour = 0;
        break;
    }
    return { minutes: hour * 60 + minute, flexible: false };
  }
  return { minutes: hour * 60 + minute, flexible: hour >= 1 && hour <= 11 && !leadingZero };
}

/** True when the clock text says nothing but a number ("6", not "6:30", "6 вечера", "6 часов"). */
export function isBareNumber(raw: string): boolean {
  return /^\s*(?:\d{1,2}|час|часу|часа)\s*$/.test(raw);
}

/**
 * Minutes after midnight of a clock, read with the part of the day around it (if any).
 * Without a hint, a bare 1..8 is pm: nobody books a manicure at 6 in the morning.
 */
export function resolveClock(clock: Clock, hint?: Meridiem): number {
  if (!clock.flexible) return clock.minutes;
  const hour = Math.floor(clock.minutes / 60);
  const pm = clock.minutes + 12 * 60;
  switch (hint) {
    case 'am':
      return clock.minutes;
    case 'pm':
      return pm;
    case 'day':
      return hour <= 6 ? pm : clock.minutes;
    default:
      return hour <= 8 ? pm : clock.minutes;
  }
}

function readings(clock: Clock, hint?: Meridiem): number[] {
  const first = resolveClock(clock, hint);
  if (!clock.flexible) return [first];
  const other = first === clock.minutes ? clock.minutes + 12 * 60 : clock.minutes;
  return [first, other];
}

/**
 * The minutes interval of a clock item: open ends become opening or closing time; a range whose
 * default reading runs backwards is re-read ("с 8 до 10" is 08:00–10:00, "с 11 до 1" is
 * 11:00–13:00). Null when no reading makes a forward interval.
 */
export function clockInterval(
  item: ClockItem,
  ctx: WhenContext,
  hint?: Meridiem,
): { from: number; to: number } | null {
  if (item.exact && item.from) {
    const t = resolveClock(item.from, hint);
    return { from: t, to: t };
  }
  const fromOptions = item.from ? readings(item.from, hint) : [ctx.dayStart];
  const toOptions = item.to ? readings(item.to, hint) : [ctx.dayEnd];
  for (const to of toOptions) {
    for (const from of fromOptions) {
      if (from <= to) return { from, to };
    }
  }
  return null;
}

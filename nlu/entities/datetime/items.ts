/**
 * The pieces the `when` extractor finds before it combines them into windows. Offsets are into
 * the canonical text (see `canonical.ts`), mapped back to the original text at the end.
 */

/**
 * Which way the guest looks: ahead to an appointment (the default), or back to a visit ("в субботу"
 * said in a complaint is the Saturday that has passed).
 */
export type WhenDirection = 'future' | 'past';

/** What every rule needs to know about the moment and the chain's hours. */
export interface WhenContext {
  /** The injected clock value, epoch ms. */
  now: number;
  /** Moscow day number of `now`. */
  today: number;
  direction: WhenDirection;
  /** The first instant of the horizon, epoch ms: `now` looking ahead, `now` − horizon looking back. */
  horizonStart: number;
  /** Moscow day number of `horizonStart`. */
  firstDay: number;
  /** The last instant of the horizon, epoch ms: `now` + horizon looking ahead, `now` looking back. */
  horizonEnd: number;
  /** Moscow day number of `horizonEnd`. */
  lastDay: number;
  /** Opening and closing, minutes after midnight. */
  dayStart: number;
  dayEnd: number;
}

/** How a bare hour reads: "утром в 8" is 08:00, "вечером в 8" is 20:00. */
export type Meridiem = 'am' | 'day' | 'pm';

/** A clock time as written; `flexible` marks a bare hour 1..11 that may mean +12 h. */
export interface Clock {
  minutes: number;
  flexible: boolean;
}

interface Spanned {
  start: number;
  end: number;
}

/** Concrete days: "завтра", "в пт", "в выходные", "25-го". `asap` for "сегодня-завтра". */
export interface DayItem extends Spanned {
  kind: 'day';
  days: number[];
  asap?: boolean;
  /** A day gone by, looking ahead ("вчера"): no days, and the times said with it are not the guest's preference. */
  past?: boolean;
  /** A whole week ("на следующей неделе"): days said with it are those weekdays in it ("…во вторник"). */
  week?: boolean;
}

/** "любой день", "в любое время": every day of the horizon, said explicitly. */
export interface AnyDayItem extends Spanned {
  kind: 'anyday';
}

/** A named part of the day: "утром", "вечером", "после обеда" (minutes after midnight). */
export interface PeriodItem extends Spanned {
  kind: 'period';
  from: number;
  to: number;
  meridiem: Meridiem;
}

/**
 * Clock bounds: "после 18:00" (to = null → closing), "до 12" (from = null → opening),
 * "с 12 до 15", or an exact time "в 15:30" (from and to the same clock).
 */
export interface ClockItem extends Spanned {
  kind: 'clock';
  from: Clock | null;
  to: Clock | null;
  /** An exact time: `from` and `to` are the same clock. */
  exact?: boolean;
}

/** "как можно скорее", "срочно". */
export interface AsapItem extends Spanned {
  kind: 'asap';
}

/** A span that is known not to be a time (a phone, a price, "добрый вечер"): it blocks rules. */
export interface VoidItem extends Spanned {
  kind: 'void';
}

export type WhenItem = DayItem | AnyDayItem | PeriodItem | ClockItem | AsapItem | VoidItem;

/** A candidate found by one rule; overlaps are resolved by length, then `priority`. */
export interface Candidate {
  item: WhenItem;
  priority: number;
}

/** Rule priorities for ties between candidates of the same span length. */
export const PRIORITY = {
  guard: 100,
  asap: 80,
  day: 60,
  chrono: 50,
  time: 40,
} as const;

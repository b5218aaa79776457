/**
 * What a simulated guest wants, drawn before the conversation: the judge compares the CRM's end state
 * with it. Everything the guest may say comes from the goal and the phrase bank.
 */
import type { Booking } from '../../crm';
import type { Wish } from './wishes';

export const GOAL_KINDS = ['book', 'reschedule', 'cancel', 'faq', 'complaint', 'handover', 'repeat_last'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Who writes: a new guest, or a client of the CRM known by this chat, by a typed phone (with a code) or by the channel's verified number. */
export interface Who {
  userId: string;
  /** The channel's display name, if it gives one. */
  userName?: string;
  /** The guest's own phone (E.164) and how she types it. */
  phone: string;
  phoneText: string;
  /** Her own name, as she types it when asked. */
  name: string;
  clientId?: string;
  /** How the assistant can know her: `new` (not in the CRM), `chat` (linked before), `typed` (phone + one-time code), `verified` (the channel vouches the number). */
  known: 'new' | 'chat' | 'typed' | 'verified';
}

/** A question with the fact its answer must contain. */
export interface Question {
  text: string;
  fact: string;
  /** The fact as it must appear in the reply. */
  expect: string;
}

/** A change the guest makes on the way («ой, не в пятницу, а в субботу», «только педикюр»). */
export type Change =
  | { kind: 'when'; at: 'slot'; text: string }
  | { kind: 'service'; at: 'branch' | 'master' | 'when' | 'slot'; text: string; services: string[] }
  | { kind: 'branch'; at: 'master' | 'when' | 'slot'; text: string; branch: string };

export interface Extras {
  /** A question in passing, while this slot is awaited. */
  digression?: { at: string; question: Question };
  /** A hesitation («хм секунду») while this slot is awaited. */
  hesitateAt?: string;
  /** Greets before the request. */
  greeting?: string;
}

export interface BookGoal extends Extras {
  kind: 'book';
  who: Who;
  /** The services finally wanted (after any change of mind). */
  services: string[];
  /** What the opening names first (another service when she changes her mind). */
  openingServices: string[];
  branch: string;
  openingBranch?: string;
  /** Says the branch in the opening. */
  branchInOpening: boolean;
  /** A named master, or undefined for any. */
  master?: string;
  masterInOpening: boolean;
  /** The wishes in order: each one after the previous had no free time; the last one has. */
  wishes: Wish[];
  /** The first wish named in the opening. */
  whenInOpening: boolean;
  /** Someone else the booking is for. */
  forOther?: { acc: string; gen: string; name: string };
  /** Whom the booking must be on: her own name, the CRM's, the channel's or the other person's. */
  expectName: string;
  change?: Change;
  acceptsUpsell: boolean;
}

export interface ChangeGoal extends Extras {
  kind: 'reschedule' | 'cancel';
  who: Who;
  booking: Booking;
  /** The client's other upcoming bookings (she must pick when there are several). */
  upcoming: Booking[];
  /** Wishes for the new time (reschedule). */
  wishes: Wish[];
  /** The booking starts within the 4-hour rule: a person must take it over, the booking unchanged. */
  tooLate: boolean;
}

export interface FaqGoal extends Extras {
  kind: 'faq';
  who: Who;
  questions: Question[];
}

export interface ComplaintGoal extends Extras {
  kind: 'complaint';
  who: Who;
  visit: Booking;
  service: string;
  opening: string;
  outcome: 'free_fix' | 'refund' | 'feedback' | 'redo_other_master';
  withinGuarantee: boolean;
  /** A photo attachment, else the guest skips it. */
  photo: boolean;
}

export interface HandoverGoal extends Extras {
  kind: 'handover';
  who: Who;
  /** Asks for a person in the middle of a booking. */
  midBooking?: string;
}

export interface RepeatGoal extends Extras {
  kind: 'repeat_last';
  who: Who;
  visit: Booking;
  wishes: Wish[];
}

export type Goal = BookGoal | ChangeGoal | FaqGoal | ComplaintGoal | HandoverGoal | RepeatGoal;

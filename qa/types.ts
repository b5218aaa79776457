/**
 * Transcripts after parsing: what `test/transcripts/**\/*.yaml` say, with the file and line of every
 * case, step and expectation kept for messages and diffs.
 */
import type { BookingFixture, ClientFixture } from '../crm';

/** Where something is written: `file:line`. */
export interface Place {
  file: string;
  line: number;
}

/** Who the guest is. */
export interface GuestSpec {
  /** Default `telegram`. */
  channel: string;
  /** The guest's id in the channel. Default `guest`. */
  user: string;
  /** The guest's name as the channel gives it. */
  name?: string;
  /** The CRM already knows this channel user as the client with this phone (created when new). */
  phone?: string;
}

/** Extra CRM state before the first step, and events between steps. */
export interface FixturesSpec {
  clients: ClientFixture[];
  bookings: BookingFixture[];
  visits: Array<Omit<BookingFixture, 'status'>>;
  /** Another guest takes the chosen (else the first offered) time right after this step (1-based). */
  takeSlotAfterStep?: number;
  /** CRM methods that fail as if the CRM could not be reached (`createBooking`, `findFreeSlots`…). */
  crmUnavailable: string[];
  /**
   * A typed phone can be verified: every client has a verified chat that receives this one-time code
   * (the guest then types it). Absent: no code can be sent, and a typed phone stays unverified.
   */
  identityCode?: string;
}

/** A value an expectation compares with: literal, or a text matcher. */
export type TextMatcher = string | { contains: string } | { regex: string };

/** One expectation on the assistant's turn, as written (its value is checked by `check-turn.ts`). */
export interface TurnExpectation extends Place {
  /** The YAML key: `bot`, `buttons`, `intent`, `slot_was_set`… */
  key: TurnExpectationKey;
  value: unknown;
  /** Where the value is in the file's data, e.g. `['cases', 0, 'steps', 2, 'bot']` (for `--update`). */
  path: Array<string | number>;
}

/** The expectations a step may have on its turn. */
export const TURN_EXPECTATION_KEYS = [
  'bot', 'responses', 'buttons', 'silent', 'intent', 'entities', 'slot_was_set', 'slot_not_set', 'awaiting', 'flow',
  'flow_started', 'flow_completed', 'flow_interrupted', 'flow_resumed', 'flow_stopped', 'action', 'action_failed',
  'digression', 'fallback', 'handed_over',
] as const;
export type TurnExpectationKey = (typeof TURN_EXPECTATION_KEYS)[number];

/** What a CRM expectation asks. */
export const CRM_EXPECTATION_KINDS = ['booking_exists', 'booking_cancelled', 'no_booking', 'ticket_exists', 'no_ticket'] as const;
export type CrmExpectationKind = (typeof CRM_EXPECTATION_KINDS)[number];

/** One expectation on the CRM after a step: a booking or ticket whose fields match (partially). */
export interface CrmExpectation extends Place {
  kind: CrmExpectationKind;
  fields: Record<string, unknown>;
}

/** What the guest does in a step. */
export type StepInput =
  | { kind: 'user'; text: string; attachments: Array<{ type: string; fileId?: string; url?: string }> }
  /** A payload (`/slot branch=tverskaya`), a button title of the previous turn, or its number (1-based). */
  | { kind: 'button'; button: string | number }
  /** Another guest takes the chosen (else the first offered) time. */
  | { kind: 'meanwhile'; event: 'take_chosen_slot' }
  /** Nothing: the step only checks the CRM. */
  | { kind: 'none' };

/** One step: the guest's input and what the turn and the CRM must show after it. */
export interface StepSpec extends Place {
  /** 1-based. */
  number: number;
  input: StepInput;
  expect: TurnExpectation[];
  crm: CrmExpectation[];
}

/** One test case. */
export interface CaseSpec extends Place {
  name: string;
  tags: string[];
  /** The frozen clock (ISO with the offset). */
  now: string;
  guest: GuestSpec;
  fixtures: FixturesSpec;
  steps: StepSpec[];
}

/** One transcript file. */
export interface TranscriptFile {
  file: string;
  cases: CaseSpec[];
}

/** The tag that marks a case showing an engine bug: skipped unless asked for. */
export const KNOWN_BUG_TAG = 'known-bug';

/** The frozen clock when a case does not say: Tuesday 24 November 2026, noon in Moscow. */
export const DEFAULT_NOW = '2026-11-24T12:00:00+03:00';

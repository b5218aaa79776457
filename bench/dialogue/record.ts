/** One simulated conversation as the judge and the report see it. */
import type { Booking, Ticket } from '../../crm';
import type { TurnResult } from '../../core';
import type { Said } from './answers';
import type { Goal } from './goal-types';
import type { InboundMessage } from '../../common';

export interface Turn {
  said: Said & { sent: InboundMessage };
  result: TurnResult;
}

export interface Conversation {
  index: number;
  goal: Goal;
  turns: Turn[];
  /** Why the guest gave up, if she did. */
  gaveUp?: string;
  /** The offer she took last. */
  chosen?: { start: string; withinWish: boolean };
  /** Wishes the assistant said had no free time though the CRM had some. */
  falseNoSlots: string[];
  /** The CRM before the first message and after the last. */
  before: Map<string, Booking>;
  after: Booking[];
  tickets: Ticket[];
}

/** A check that failed: its name, where in the flow it went wrong, and what was seen. */
export interface Failure {
  check: string;
  where: string;
  detail: string;
}

export interface Verdict {
  right: boolean;
  failures: Failure[];
}

/** «booking/when»: the flow and the awaited slot of a turn. */
export const whereOf = (result: TurnResult | undefined): string => (result ? `${result.flow ?? '-'}/${result.awaiting ?? '-'}` : '-/-');

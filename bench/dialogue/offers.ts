/**
 * Reading an assistant turn the way a guest reads the screen: the buttons by payload, the offered
 * times (`/slot slot=<start>@<master>`), the bookings to choose from.
 */
import type { TurnResult } from '../../core';
import type { Button } from '../../common';

export interface Offer {
  start: string;
  /** The master the button names (absent when the flow already has one). */
  master?: string;
  /** The salon and master of the time, as its title shows them. */
  branch?: string;
  of?: string;
  button: Button;
  /** 0-based place among the offers. */
  index: number;
}

export const buttonsOf = (turn: TurnResult): Button[] => turn.replies.flatMap((r) => r.buttons);
export const responsesOf = (turn: TurnResult): string[] => turn.replies.map((r) => r.response ?? '?');
export const saidAny = (turn: TurnResult, ...responses: string[]): boolean => turn.replies.some((r) => r.response !== undefined && responses.includes(r.response));

/** The button whose payload sets `slot` to `value`, if offered. */
export function buttonFor(turn: TurnResult, slot: string, value: string): Button | undefined {
  return buttonsOf(turn).find((b) => b.payload === `/slot ${slot}=${value}`);
}

/** The offered times of a turn, in order. */
export function offersOf(turn: TurnResult): Offer[] {
  // The salon and master of each time, as the screen shows them in the titles, from the flow's offers.
  const listed = Array.isArray(turn.slots?.offers) ? (turn.slots.offers as Array<{ start?: string; master?: string; branch?: string }>) : [];
  return buttonsOf(turn)
    .filter((b) => b.payload.startsWith('/slot slot='))
    .map((button, index) => {
      const [start, master] = button.payload.slice('/slot slot='.length).split('@');
      const offer = listed.find((o) => o.start !== undefined && Date.parse(o.start) === Date.parse(start) && (!master || o.master === master));
      return { start, ...(master && { master }), ...(offer?.branch && { branch: offer.branch }), ...(offer?.master && { of: offer.master }), button, index };
    });
}

/** «15:30» of an ISO start in salon time. */
export const clockOf = (iso: string): string => iso.slice(11, 16);

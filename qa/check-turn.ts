/**
 * Checks one turn of the assistant against a step's expectations. Each expectation that does not hold
 * becomes a {@link Failure} with its file and line and what was expected and what happened.
 */
import type { TurnEvent, TurnResult } from '../core';
import { plainSpaces, show, textMatches, valueMatches } from './match';
import type { Place, TextMatcher, TurnExpectation } from './types';

/** An expectation that did not hold. */
export interface Failure extends Place {
  /** What was checked: `bot`, `awaiting`, `crm.booking_exists`… */
  what: string;
  expected: string;
  actual: string;
}

/** The failures of a turn against the expectations (empty when all hold). */
export function checkTurn(turn: TurnResult, expectations: readonly TurnExpectation[]): Failure[] {
  const failures: Failure[] = [];
  for (const expectation of expectations) {
    const problem = CHECKS[expectation.key](turn, expectation.value);
    if (problem) failures.push({ file: expectation.file, line: expectation.line, what: expectation.key, ...problem });
  }
  return failures.sort((a, b) => a.line - b.line);
}

type Problem = { expected: string; actual: string } | undefined;
type Check = (turn: TurnResult, value: unknown) => Problem;

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const texts = (turn: TurnResult) => turn.replies.map((r) => r.text);
const titles = (turn: TurnResult) => turn.replies.flatMap((r) => r.buttons.map((b) => plainSpaces(b.title).trim()));
const filled = (value: unknown) => value !== undefined && value !== null;

/** Expected names each found among the turn's events of one type. */
function eventNames(type: TurnEvent['type'], field: 'flow' | 'action' | 'intent', filter: (e: TurnEvent) => boolean = () => true): Check {
  return (turn, value) => {
    const names = turn.events.filter((e) => e.type === type && filter(e)).map((e) => (e as Record<string, unknown>)[field] as string);
    const missing = list(value as string | string[]).filter((name) => !names.includes(name));
    return missing.length ? { expected: show(value), actual: names.length ? show(names) : 'none' } : undefined;
  };
}

const equal = (field: 'intent' | 'awaiting' | 'flow' | 'handedOver'): Check => (turn, value) =>
  valueMatches(turn[field], value) ? undefined : { expected: show(value), actual: show(turn[field] ?? null) };

const CHECKS: Record<TurnExpectation['key'], Check> = {
  bot: (turn, value) => {
    const missing = list(value as TextMatcher | TextMatcher[]).filter((m) => !texts(turn).some((t) => textMatches(t, m)));
    if (missing.length === 0) return undefined;
    return { expected: missing.map((m) => show(m)).join('\n'), actual: turn.replies.length ? texts(turn).map((t) => show(t, 2000)).join('\n') : '(no reply)' };
  },
  responses: (turn, value) => {
    const keys = turn.replies.map((r) => r.response ?? '(raw text)');
    return valueMatches(keys, list(value)) ? undefined : { expected: show(list(value)), actual: show(keys) };
  },
  buttons: (turn, value) => {
    const offered = titles(turn);
    const wanted = (list: string[]) => list.map((t) => plainSpaces(String(t)).trim());
    if (Array.isArray(value)) return valueMatches(offered, wanted(value)) ? undefined : { expected: show(value), actual: show(offered) };
    const { include = [], exclude = [], count } = value as { include?: string[]; exclude?: string[]; count?: number };
    const missing = wanted(include).filter((t) => !offered.includes(t));
    const unwanted = wanted(exclude).filter((t) => offered.includes(t));
    if (missing.length === 0 && unwanted.length === 0 && (count === undefined || count === offered.length)) return undefined;
    const expected = [missing.length && `including ${show(missing)}`, unwanted.length && `without ${show(unwanted)}`, count !== undefined && `${count} buttons`].filter(Boolean).join(', ');
    return { expected, actual: `${offered.length} buttons: ${show(offered)}` };
  },
  silent: (turn, value) =>
    (turn.replies.length === 0) === value ? undefined : { expected: value ? 'no reply' : 'a reply', actual: turn.replies.length ? texts(turn).map((t) => show(t)).join('\n') : 'no reply' },
  intent: equal('intent'),
  entities: (turn, value) => {
    const missing = Object.entries(value as Record<string, unknown>).filter(([name, expected]) => {
      const values = turn.entities.filter((e) => e.entity === name).map((e) => e.value);
      if (expected === null) return values.length > 0;
      // A list: that many entities of the type, in order ("маникюр и дизайн"); or one entity whose value is the list.
      if (Array.isArray(expected) && values.length > 1) return !valueMatches(values, expected);
      return !values.some((v) => valueMatches(v, expected));
    });
    if (missing.length === 0) return undefined;
    const actual = turn.entities.map((e) => `${e.entity}: ${show(e.value, 120)}`);
    return { expected: show(Object.fromEntries(missing)), actual: actual.length ? actual.join(', ') : 'no entities' };
  },
  slot_was_set: (turn, value) => {
    const wanted: Array<[string, unknown]> = Array.isArray(value)
      ? value.flatMap((item) => (typeof item === 'string' ? [[item, undefined] as [string, unknown]] : Object.entries(item as object)))
      : Object.entries(value as object);
    const wrong = wanted.filter(([slot, expected]) => !filled(turn.slots[slot]) || (expected !== undefined && !valueMatches(turn.slots[slot], expected)));
    if (wrong.length === 0) return undefined;
    return {
      expected: wrong.map(([slot, expected]) => `${slot}: ${expected === undefined ? '(filled)' : show(expected)}`).join(', '),
      actual: wrong.map(([slot]) => `${slot}: ${show(turn.slots[slot], 200)}`).join(', '),
    };
  },
  slot_not_set: (turn, value) => {
    const set = list(value as string | string[]).filter((slot) => filled(turn.slots[slot]));
    return set.length ? { expected: `${show(set)} empty`, actual: set.map((slot) => `${slot}: ${show(turn.slots[slot], 200)}`).join(', ') } : undefined;
  },
  awaiting: equal('awaiting'),
  flow: equal('flow'),
  flow_started: eventNames('flow_started', 'flow'),
  flow_completed: eventNames('flow_completed', 'flow'),
  flow_interrupted: eventNames('flow_interrupted', 'flow'),
  flow_resumed: eventNames('flow_resumed', 'flow'),
  flow_stopped: eventNames('flow_stopped', 'flow'),
  action: eventNames('action', 'action', (e) => e.type === 'action' && e.ok),
  action_failed: eventNames('action', 'action', (e) => e.type === 'action' && !e.ok),
  digression: eventNames('digression', 'intent'),
  fallback: (turn, value) => {
    const levels = turn.events.filter((e): e is Extract<TurnEvent, { type: 'fallback' }> => e.type === 'fallback').map((e) => e.level);
    return levels.includes(value as number) ? undefined : { expected: `fallback level ${String(value)}`, actual: levels.length ? `level ${levels.join(', ')}` : 'no fallback' };
  },
  handed_over: equal('handedOver'),
};

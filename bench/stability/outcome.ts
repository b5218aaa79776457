/**
 * What a transcript case did, in a form two runs can be compared by: whether it passed, and a
 * fingerprint of the assistant's behaviour on every turn (reply keys, flow, awaited slot, events) and of
 * where it ended (the slots), plus what the NLU understood (to explain a change).
 */
import type { CaseRun, StepRun } from '../../qa';

/** One turn as the assistant played it. */
export interface TurnTrace {
  /** The step's number in its case (1 = the first). */
  step: number;
  /** What the guest wrote or pressed. */
  input: string;
  intent: string | null;
  confidence: number;
  /** The two likeliest intents with their confidences, e.g. "faq 0.62, booking 0.31". */
  ranking: string;
  /** What the assistant did: reply keys, flow, awaited slot, handover and the turn's events. */
  behaviour: string;
}

/** A case's outcome in one run. */
export interface CaseOutcome {
  /** `file › name`: unique over the suite. */
  id: string;
  passed: boolean;
  turns: TurnTrace[];
  /** The slots after the last turn, as JSON with sorted keys. */
  endState: string;
}

/** The outcome of a case as it ran. */
export function outcomeOf(run: CaseRun): CaseOutcome {
  const turns = run.steps.filter((s) => s.turn).map(traceOf);
  const last = [...run.steps].reverse().find((s) => s.turn)?.turn;
  return { id: caseId(run), passed: run.status === 'passed', turns, endState: stableJson(last?.slots ?? {}) };
}

/** `file › name` of a case. */
export function caseId(run: Pick<CaseRun, 'spec'>): string {
  return `${run.spec.file} › ${run.spec.name}`;
}

/** The fingerprint of a case's behaviour: equal fingerprints, the same conversation. */
export function fingerprintOf(outcome: CaseOutcome): string {
  return [...outcome.turns.map((t) => t.behaviour), outcome.endState].join('\n');
}

function traceOf(run: StepRun): TurnTrace {
  const turn = run.turn!;
  const replies = turn.replies.map((r) => r.response ?? `"${r.text}"`).join(',');
  const events = turn.events.map((e) => Object.values(e).join(':')).join(',');
  return {
    step: run.spec.number,
    input: run.sent?.text ?? run.sent?.payload ?? '',
    intent: turn.intent,
    confidence: turn.confidence,
    ranking: turn.ranking.slice(0, 2).map((r) => `${r.name} ${r.confidence.toFixed(2)}`).join(', '),
    behaviour: `[${replies}] flow=${turn.flow} awaiting=${turn.awaiting}${turn.handedOver ? ' handed-over' : ''} {${events}}`,
  };
}

/** JSON with object keys sorted, so equal values print equally. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/**
 * Flow coverage of a transcript run: which steps of each flow were reached and which transitions
 * between steps were taken, from XState's own inspection events (`@xstate.microstep` carries the
 * transitions taken) against the compiled machines' graph (every state node's transitions, found with
 * `getStateNodes` from `xstate/graph`).
 */
import type { AnyStateMachine, InspectionEvent } from 'xstate';
import { getStateNodes } from 'xstate/graph';
import type { FlowInspector, FlowDefinition, FlowSet } from '../core';

/** A flow step and whether any case reached it. */
export interface StepCoverage {
  step: string;
  file: string;
  line: number;
  reached: boolean;
}

/** A transition between two steps of a flow (or to its end) and whether any case took it. */
export interface TransitionCoverage {
  from: string;
  /** A step id, or `(end)`, `(error)`, `(gave up)`. */
  to: string;
  /** Why it is taken: `then`, `else`, `done`, `error`, `correction`, `gave up`, `returned`, or '' (the next step). */
  label: string;
  file: string;
  /** The line of the step it leaves. */
  line: number;
  taken: boolean;
}

export interface FlowCoverage {
  flow: string;
  file: string;
  steps: StepCoverage[];
  transitions: TransitionCoverage[];
}

/** Reached of total, and the share in percent (100 when there is nothing to reach). */
export interface Ratio {
  covered: number;
  total: number;
  percent: number;
}

export interface CoverageReport {
  flows: FlowCoverage[];
  steps: Ratio;
  transitions: Ratio;
}

const PSEUDO: Record<string, string> = { __end: '(end)', __error: '(error)', __gave_up: '(gave up)' };

/** A state node as far as coverage needs it. */
interface NodeLike {
  path: string[];
  transitions: Map<string, TransitionLike[]>;
  always?: TransitionLike[];
}
interface TransitionLike {
  eventType: string;
  source: { path: string[] };
  target?: ReadonlyArray<{ path: string[] }>;
}

/**
 * Records the flows' inspection events over any number of assistants built from the same flow files
 * (each case has its own), keyed by flow and step ids; the report compares them with a flow set.
 *
 * @example
 * const coverage = new CoverageRecorder();
 * const assistant = createAssistant({ …, inspect: coverage.inspector });
 * // … run conversations …
 * coverage.report(assistant.flows).steps // { covered: 97, total: 106, percent: 91.5 }
 */
export class CoverageRecorder {
  private readonly reached = new Set<string>();
  private readonly taken = new Set<string>();

  /** Pass this as the assistant's `inspect` option. */
  readonly inspector: FlowInspector = (flow: string, event: InspectionEvent) => {
    if (event.type === '@xstate.microstep') {
      for (const transition of event._transitions as unknown as TransitionLike[]) {
        const from = transition.source.path[0];
        if (from !== undefined) this.reached.add(`${flow}/${from}`);
        for (const target of transition.target ?? []) {
          const to = target.path[0];
          if (to === undefined) continue;
          this.reached.add(`${flow}/${to}`);
          if (from !== to) this.taken.add(`${flow}/${from}→${to}`);
        }
      }
    } else if (event.type === '@xstate.snapshot') {
      const value = (event.snapshot as { value?: unknown }).value;
      const step = typeof value === 'string' ? value : value && typeof value === 'object' ? Object.keys(value)[0] : undefined;
      if (step) this.reached.add(`${flow}/${step}`);
    }
  };

  /** The coverage so far of the flows of a flow set, in file order. */
  report(flowSet: FlowSet): CoverageReport {
    const model = [...flowSet.definitions.values()].flatMap((definition) => {
      const machine = flowSet.machines.get(definition.id);
      return machine ? [{ definition, edges: edgesOf(machine, definition) }] : [];
    });
    const flows: FlowCoverage[] = model
      .sort((a, b) => a.definition.file.localeCompare(b.definition.file))
      .map(({ definition, edges }) => {
        const lineOf = new Map(definition.steps.map((s) => [s.id, s.line]));
        return {
          flow: definition.id,
          file: definition.file,
          steps: definition.steps.map((s) => ({ step: s.id, file: definition.file, line: s.line, reached: this.reached.has(`${definition.id}/${s.id}`) })),
          transitions: [...edges.values()].map((e) => ({
            from: e.from,
            to: PSEUDO[e.to] ?? e.to,
            label: [...e.labels].filter(Boolean).join(', '),
            file: definition.file,
            line: lineOf.get(e.from) ?? definition.line,
            taken: this.taken.has(`${definition.id}/${e.from}→${e.to}`),
          })),
        };
      });
    return {
      flows,
      steps: ratio(flows.flatMap((f) => f.steps.map((s) => s.reached))),
      transitions: ratio(flows.flatMap((f) => f.transitions.map((t) => t.taken))),
    };
  }
}

/** The share of true values, in percent with one decimal. */
export function ratio(flags: boolean[]): Ratio {
  const covered = flags.filter(Boolean).length;
  return { covered, total: flags.length, percent: flags.length ? Math.floor((covered / flags.length) * 1000) / 10 : 100 };
}

/** The transitions between different steps of a compiled flow, labelled from the step kinds. */
function edgesOf(machine: AnyStateMachine, definition: FlowDefinition): Map<string, { from: string; to: string; labels: Set<string> }> {
  const steps = new Map(definition.steps.map((s, index) => [s.id, { step: s, index }]));
  const edges = new Map<string, { from: string; to: string; labels: Set<string> }>();
  for (const node of getStateNodes(machine.root) as unknown as NodeLike[]) {
    const from = node.path[0];
    if (from === undefined || from in PSEUDO) continue;
    for (const transition of [...[...node.transitions.values()].flat(), ...(node.always ?? [])]) {
      for (const target of transition.target ?? []) {
        const to = target.path[0];
        if (to === undefined || to === from) continue;
        const key = `${from}→${to}`;
        const edge = edges.get(key) ?? { from, to, labels: new Set<string>() };
        edge.labels.add(labelOf(transition, from, to, steps));
        edges.set(key, edge);
      }
    }
  }
  return edges;
}

function labelOf(transition: TransitionLike, from: string, to: string, steps: Map<string, { step: FlowDefinition['steps'][number]; index: number }>): string {
  const { eventType } = transition;
  if (eventType.startsWith('xstate.done.actor')) return 'done';
  if (eventType.startsWith('xstate.error.actor')) return 'error';
  if (to === '__gave_up' || eventType === 'NO_VALUE') return 'gave up';
  if (eventType === 'SLOTS') return 'correction';
  if (eventType === 'RETURNED') return 'returned';
  const step = steps.get(from)?.step;
  if (step?.kind === 'if') return to === step.then ? 'then' : 'else';
  if (step?.kind === 'collect' && step.onMaxAttempts === to) return 'gave up';
  return '';
}

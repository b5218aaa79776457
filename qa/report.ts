/**
 * What `coco test` prints: a line per case, and for a failed case a diff per failing step — the step
 * and its file:line, each expectation that did not hold (file:line, expected, actual) and the actual turn.
 */
import { relative } from 'node:path';
import type { TurnResult } from '../core';
import type { CoverageReport } from './coverage';
import { show } from './match';
import type { RunResult } from './runner';
import type { CaseRun, StepRun } from './run-case';

/** How many failing steps of one case are shown in full. */
const MAX_STEPS_SHOWN = 3;

/** One line for a finished case: ✓, ✗ or – with its name and where it is. */
export function formatCaseLine(run: CaseRun): string {
  const where = `${run.spec.file}:${run.spec.line}`;
  if (run.status === 'skipped') return `  - ${run.spec.name}  (${where}, skipped: ${run.error ?? ''})`;
  const mark = run.status === 'passed' ? '✓' : '✗';
  return `  ${mark} ${run.spec.name}  (${where}, ${run.durationMs} ms)`;
}

/**
 * Why a case failed: the case error, or each failing step with its expectations and the actual turn.
 *
 * @example
 * formatFailure(run)
 * // ✗ books a gel manicure (test/transcripts/booking.yaml:3)
 * //   step 2 at test/transcripts/booking.yaml:14: the guest presses «Тверская» (/slot branch=tverskaya)
 * //     test/transcripts/booking.yaml:16  awaiting
 * //       - expected: slot
 * //       + actual:   master
 * //     the turn: …
 */
export function formatFailure(run: CaseRun): string {
  const lines = [`✗ ${run.spec.name}  (${run.spec.file}:${run.spec.line})`];
  if (run.error && !run.steps.some((s) => s.error)) lines.push(indent(run.error, 2));
  const failing = run.steps.filter((s) => s.failures.length > 0 || s.error);
  for (const step of failing.slice(0, MAX_STEPS_SHOWN)) lines.push(...formatStep(step));
  if (failing.length > MAX_STEPS_SHOWN) lines.push(`  … and ${failing.length - MAX_STEPS_SHOWN} more failing steps`);
  return lines.join('\n');
}

function formatStep(step: StepRun): string[] {
  const { spec } = step;
  const lines = [`  step ${spec.number} at ${spec.file}:${spec.line}: ${describeInput(step)}`];
  if (step.error) lines.push(`    ✗ ${step.error}`);
  for (const failure of step.failures) {
    lines.push(`    ${failure.file}:${failure.line}  ${failure.what}`);
    lines.push(...prefixed('      - expected: ', failure.expected), ...prefixed('      + actual:   ', failure.actual));
  }
  if (step.turn) lines.push('    the turn:', ...formatTurn(step.turn).map((l) => `      ${l}`));
  return lines;
}

/** What the guest did in a step, as a sentence. */
export function describeInput(step: StepRun): string {
  const { input } = step.spec;
  switch (input.kind) {
    case 'user':
      return input.text ? `the guest writes «${input.text}»${input.attachments.length ? ' with a photo' : ''}` : 'the guest sends a photo';
    case 'button':
      return `the guest presses ${typeof input.button === 'number' ? `button ${input.button}` : /^«.*»$/.test(input.button) ? input.button : `«${input.button}»`}${step.sent?.payload && step.sent.payload !== input.button ? ` (${step.sent.payload})` : ''}`;
    case 'meanwhile':
      return 'meanwhile another guest takes the chosen time';
    case 'none':
      return 'the CRM is checked';
  }
}

/** A turn as lines: replies with buttons, the understanding, where the flow stands, slots and events. */
export function formatTurn(turn: TurnResult): string[] {
  const lines: string[] = [];
  if (turn.replies.length === 0) lines.push('bot: (silent)');
  for (const reply of turn.replies) {
    lines.push(...prefixed('bot: ', `${reply.text}${reply.response ? `   ‹${reply.response}›` : ''}`));
    if (reply.buttons.length) lines.push(`     ${reply.buttons.map((b) => `[${b.title}]`).join(' ')}`);
  }
  const entities = turn.entities.map((e) => `${e.entity}=${show(e.value, 80)}`).join(', ');
  lines.push(`intent: ${turn.intent ?? 'none'} (${turn.confidence.toFixed(2)})${entities ? `   entities: ${entities}` : ''}`);
  lines.push(`flow: ${turn.flow ?? 'none'}   awaiting: ${turn.awaiting ?? 'nothing'}${turn.handedOver ? '   handed over' : ''}`);
  const slots = Object.entries(turn.slots).map(([name, value]) => `${name}=${slotValue(value)}`);
  if (slots.length) lines.push(`slots: ${slots.join(', ')}`);
  if (turn.events.length) lines.push(`events: ${turn.events.map((e) => Object.values(e).join(' ')).join(' · ')}`);
  return lines;
}

/**
 * The closing line: `N passed, N failed[, N skipped][, N files unreadable]` and the time. A file that
 * could not be read is named in the line too: its cases did not run, and a run that reads "0 failed"
 * must not look green.
 */
export function formatSummary(result: Pick<RunResult, 'cases' | 'durationMs'>, unreadableFiles = 0): string {
  const count = (status: CaseRun['status']) => result.cases.filter((c) => c.status === status).length;
  const skipped = count('skipped');
  const unreadable = unreadableFiles > 0 ? `, ${unreadableFiles} file${unreadableFiles === 1 ? '' : 's'} unreadable` : '';
  return `${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}${unreadable} (${(result.durationMs / 1000).toFixed(1)} s)`;
}

/**
 * Flow coverage: totals, a line per flow, and what was never reached — steps and transitions by id
 * and file:line (transitions only with `details`).
 */
export function formatCoverage(report: CoverageReport, options: { transitions?: boolean; cwd?: string } = {}): string {
  const file = (path: string) => relative(options.cwd ?? process.cwd(), path) || path;
  const lines = [
    `Flow coverage: steps ${report.steps.covered}/${report.steps.total} (${report.steps.percent} %), transitions ${report.transitions.covered}/${report.transitions.total} (${report.transitions.percent} %)`,
  ];
  const width = Math.max(...report.flows.map((f) => f.flow.length));
  for (const flow of report.flows) {
    const steps = flow.steps.filter((s) => s.reached).length;
    const transitions = flow.transitions.filter((t) => t.taken).length;
    lines.push(`  ${flow.flow.padEnd(width)}  steps ${steps}/${flow.steps.length}  transitions ${transitions}/${flow.transitions.length}`);
    for (const step of flow.steps.filter((s) => !s.reached)) lines.push(`    never reached: ${step.step}  (${file(step.file)}:${step.line})`);
    if (options.transitions) {
      for (const t of flow.transitions.filter((t) => !t.taken)) lines.push(`    never taken: ${t.from} → ${t.to}${t.label ? ` [${t.label}]` : ''}  (${file(t.file)}:${t.line})`);
    }
  }
  return lines.join('\n');
}

/** A slot's value in one short piece: lists of records by count, a time preference by its words. */
function slotValue(value: unknown): string {
  if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') return `(${value.length} items)`;
  const when = value as { source?: unknown; windows?: unknown[] } | null;
  if (when && typeof when === 'object' && Array.isArray(when.windows)) return `‹${String(when.source ?? '')}› (${when.windows.length} windows)`;
  return show(value, 80);
}

function prefixed(prefix: string, text: string): string[] {
  const pad = ' '.repeat(prefix.length);
  return text.split('\n').map((line, i) => `${i === 0 ? prefix : pad}${line}`);
}

function indent(text: string, spaces: number): string {
  return text.split('\n').map((l) => `${' '.repeat(spaces)}${l}`).join('\n');
}

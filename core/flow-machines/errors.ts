import { ContentError } from '../../salon';

/**
 * A problem in a flow file: the message names the file and line, the flow and the step, and says how
 * to fix it, e.g. `flows/booking.yaml:23: flow "booking", step "find_slots": unknown action "findSlot"`.
 */
export class FlowError extends ContentError {
  readonly flow?: string;
  readonly step?: string;

  constructor(where: { file: string; line?: number; flow?: string; step?: string }, problem: string, hint?: string) {
    const scope = [where.flow && `flow "${where.flow}"`, where.step && `step "${where.step}"`].filter(Boolean).join(', ');
    super({ file: where.file, line: where.line, problem: scope ? `${scope}: ${problem}` : problem, hint });
    this.flow = where.flow;
    this.step = where.step;
  }
}

/** All problems found in the flows at once, so staff fix them in one go. */
export class FlowValidationError extends ContentError {
  constructor(readonly problems: FlowError[]) {
    super({ file: problems[0]?.file ?? 'flows/', line: problems[0]?.line, problem: `${problems.length} problem(s) in the flows:\n${problems.map((p) => `  ${p.message}`).join('\n')}` });
  }
}

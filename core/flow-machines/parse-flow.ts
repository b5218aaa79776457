import Ajv, { type ValidateFunction } from 'ajv';
import { ContentError, parseYamlSource, schemaError, type DataPath, type Locator } from '../../salon';
import { FlowError } from './errors';
import { FLOW_FILE_SCHEMA, STEP_KINDS, STEP_SCHEMAS } from './flow-schema';
import type { Condition, FlowDefinition, Step } from './types';

const DEFAULT_MAX_ATTEMPTS = 3;

let validators: { file: ValidateFunction; steps: Record<string, ValidateFunction> } | undefined;

function schemaValidators() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    validators = {
      file: ajv.compile(FLOW_FILE_SCHEMA),
      steps: Object.fromEntries(STEP_KINDS.map((kind) => [kind, ajv.compile(STEP_SCHEMAS[kind])])),
    };
  }
  return validators;
}

/**
 * Parses one flow file (stage 1: YAML and schema). Steps get ids (`collect_service`, `say_booking_done`,
 * … when not given) and lines. References between steps, flows, actions and responses are checked
 * later, by `validateFlows`.
 *
 * @throws {ContentError} for malformed YAML; {@link FlowError} for a schema problem, with file and line.
 */
export function parseFlow(source: string, file: string): FlowDefinition {
  let parsed: ReturnType<typeof parseYamlSource>;
  try {
    parsed = parseYamlSource(source, file, (path, raw) => labelOf(path, raw));
  } catch (error) {
    throw asFlowError(error);
  }
  const { data, locate } = parsed;
  const { file: validateFile, steps: validateStep } = schemaValidators();
  if (!validateFile(data)) {
    const flowId = typeof (data as { flow?: unknown })?.flow === 'string' ? (data as { flow: string }).flow : undefined;
    throw asFlowError(
      schemaError(validateFile.errors ?? [], data, locate, { problem: 'a flow file must be a map with "flow:" and "steps:"', hint: 'start it with "flow: <id>" and a list of "steps:"' }, 1),
      flowId,
    );
  }
  const raw = data as { flow: string; description?: string; title?: string; start_on?: string[]; resume_if?: string; takes?: string[]; steps: unknown[] };
  const flowId = raw.flow;
  const where = (path: DataPath, step?: string) => ({ file, line: locate.line(path), flow: flowId, step });

  const steps: Step[] = raw.steps.map((rawStep, index) => {
    const path: DataPath = ['steps', index];
    const item = rawStep === 'end' ? { end: true } : rawStep;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new FlowError(where(path), `step #${index + 1} is not a step`, `write a map such as "- collect: service" or "- say: booking_done", or "- end"`);
    }
    const kinds = STEP_KINDS.filter((k) => k in item);
    if (kinds.length !== 1) {
      const found = kinds.length ? `both ${kinds.join(' and ')}` : 'none of them';
      throw new FlowError(where(path), `step #${index + 1} must have exactly one of ${STEP_KINDS.join(', ')}, it has ${found}`, 'split it into separate steps, or add the missing kind');
    }
    const validate = validateStep[kinds[0]];
    if (!validate(item)) {
      const error = schemaError(validate.errors ?? [], data, relocate(locate, path), { problem: 'not a step', hint: 'see the flow language in the README' }, 0);
      throw new FlowError({ file, line: error.line, flow: flowId, step: stepIdOf(item as Record<string, unknown>, kinds[0]) }, error.message.replace(/^[^:]+:\d+: /, ''));
    }
    return toStep(item as Record<string, unknown>, kinds[0], locate.line(path) ?? 0);
  });

  // `next` defaults to the following step.
  steps.forEach((step, i) => {
    if (step.kind !== 'end' && step.kind !== 'link' && step.next === undefined && i + 1 < steps.length) step.next = steps[i + 1].id;
  });
  return {
    id: flowId, description: raw.description, title: raw.title, startOn: raw.start_on ?? [],
    ...(raw.resume_if !== undefined && { resumeIf: { guard: raw.resume_if, line: locate.line([], 'resume_if') ?? 1 } }),
    ...(raw.takes !== undefined && { takes: { slots: raw.takes, line: locate.line([], 'takes') ?? 1 } }),
    steps, file, line: locate.line([]) ?? 1,
  };
}

/** A content error of a flow file as a {@link FlowError}, keeping its place and hint. */
function asFlowError(error: unknown, flow?: string): unknown {
  if (!(error instanceof ContentError)) return error;
  const problem = error.message.replace(/^[^\n]*?:\d+: /, '').replace(/^[^\n:]+: (?=invalid YAML|cannot read)/, '').split('\n  → ')[0];
  return new FlowError({ file: error.file, line: error.line, flow }, problem, error.hint);
}

function toStep(raw: Record<string, unknown>, kind: Step['kind'], line: number): Step {
  const id = stepIdOf(raw, kind);
  const next = raw.next as string | undefined;
  switch (kind) {
    case 'collect':
      return {
        kind, id, line, next,
        slot: raw.collect as string,
        ask: raw.ask as string,
        buttons: raw.buttons as string | undefined,
        validate: raw.validate === undefined ? undefined : typeof raw.validate === 'string' ? { guard: raw.validate } : (raw.validate as { guard: string }),
        invalid: raw.invalid as string | undefined,
        invalidWhen: Object.entries((raw.invalid_when as Record<string, string> | undefined) ?? {}).map(([guard, response]) => ({ guard, response })),
        maxAttempts: (raw.max_attempts as number | undefined) ?? DEFAULT_MAX_ATTEMPTS,
        onMaxAttempts: raw.on_max_attempts as string | undefined,
        askBeforeFilling: raw.ask_before_filling === true,
      };
    case 'action':
      return { kind, id, line, next, action: raw.action as string, params: (raw.params as Record<string, unknown>) ?? {}, onError: raw.on_error as string | undefined };
    case 'say':
      return { kind, id, line, next, response: raw.say as string };
    case 'if':
      return { kind, id, line, next, condition: toCondition(raw.if), then: raw.then as string, else: raw.else as string | undefined };
    case 'call':
      return { kind, id, line, next, flow: raw.call as string };
    case 'link':
      return { kind, id, line, flow: raw.link as string };
    case 'end':
      return { kind, id, line };
  }
}

function toCondition(raw: unknown): Condition {
  if (typeof raw === 'string') return { guard: raw };
  return raw as Condition;
}

/** The explicit id, or one made from the kind and its argument: `collect_service`, `action_findFreeSlots`. */
function stepIdOf(raw: Record<string, unknown>, kind: Step['kind']): string {
  if (typeof raw.id === 'string') return raw.id;
  const argument = raw[kind];
  if (kind === 'if') return `if_${typeof argument === 'string' ? argument : ((argument as { guard?: string; slot?: string })?.guard ?? (argument as { slot?: string })?.slot ?? 'condition')}`;
  if (kind === 'end') return 'end';
  return `${kind}_${String(argument)}`;
}

function labelOf(path: DataPath, raw: unknown): string {
  if (path[0] === 'steps' && typeof path[1] === 'number') {
    const step = (raw as { steps?: unknown[] })?.steps?.[path[1]];
    const kind = step && typeof step === 'object' ? STEP_KINDS.find((k) => k in (step as object)) : undefined;
    return kind ? `step "${stepIdOf(step as Record<string, unknown>, kind)}"` : `step #${path[1] + 1}`;
  }
  return 'the flow';
}

/** A locator for errors of a step validated on its own: paths are relative to the step. */
function relocate(locate: Locator, stepPath: DataPath): Locator {
  return new Proxy(locate, {
    get(target, property) {
      if (property === 'line') return (path: DataPath, key?: string) => target.line([...stepPath, ...path], key);
      if (property === 'error') return (path: DataPath, problem: string, hint: string, key?: string) => target.error([...stepPath, ...path], problem, hint, key);
      if (property === 'label') return (path: DataPath, data: unknown) => target.label([...stepPath, ...path], data);
      return Reflect.get(target, property);
    },
  });
}

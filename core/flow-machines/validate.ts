import { FlowError } from './errors';
import type { FlowRegistry } from './registry';
import type { SlotCatalog } from './slots';
import type { FlowDefinition, Step } from './types';

/** What the flows may refer to, besides each other. */
export interface FlowReferences {
  registry: FlowRegistry;
  slots: SlotCatalog;
  responses: { has(key: string): boolean };
  /** Intents the NLU knows; `start_on` must use them. */
  intents?: readonly string[];
}

/**
 * Stage 2 of validation: the semantics of parsed flows. Returns every problem found (empty when the
 * flows are sound): unknown action, guard, button provider, response, slot, flow or intent; a
 * duplicate or unreachable step; a dangling `next`/`then`/`else`/`on_error`/`on_max_attempts`; a
 * `call` cycle; two flows started by one intent.
 */
export function validateFlows(flows: FlowDefinition[], refs: FlowReferences): FlowError[] {
  const problems: FlowError[] = [];
  const flowIds = new Map<string, FlowDefinition>();
  for (const flow of flows) {
    const earlier = flowIds.get(flow.id);
    if (earlier) problems.push(new FlowError({ file: flow.file, line: flow.line, flow: flow.id }, `the flow id "${flow.id}" is also used in ${earlier.file}`, 'give each flow its own id'));
    else flowIds.set(flow.id, flow);
  }
  for (const flow of flows) problems.push(...validateFlow(flow, refs, flowIds));
  problems.push(...callCycles(flows), ...sharedIntents(flows));
  return problems;
}

function validateFlow(flow: FlowDefinition, refs: FlowReferences, flowIds: Map<string, FlowDefinition>): FlowError[] {
  const problems: FlowError[] = [];
  const at = (step: Step, problem: string, hint: string) => problems.push(new FlowError({ file: flow.file, line: step.line, flow: flow.id, step: step.id }, problem, hint));
  const stepIds = new Set<string>();
  for (const step of flow.steps) {
    if (stepIds.has(step.id)) at(step, `the step id "${step.id}" is used twice`, 'give one of them its own "id: …"');
    stepIds.add(step.id);
  }
  const allStepIds = [...stepIds].join(', ');
  const known = (names: Record<string, unknown>) => Object.keys(names).join(', ') || '(none registered)';
  const responseOk = (step: Step, key: string | undefined, field: string) => {
    if (key !== undefined && !refs.responses.has(key)) at(step, `${field} "${key}" is not a response in content/responses.yaml`, `add "${key}:" with a text to content/responses.yaml, or fix the name`);
  };
  const slotOk = (step: Step, slot: string) => {
    if (!refs.slots.has(slot)) at(step, `unknown slot "${slot}"`, `declare it in flows/slots.yaml, or use one of: ${[...refs.slots.keys()].join(', ')}`);
  };
  const guardOk = (step: Step, guard: string) => {
    if (!(guard in refs.registry.guards)) at(step, `unknown guard "${guard}"`, `register it in the flow registry, or use one of: ${known(refs.registry.guards)}`);
  };
  const targetOk = (step: Step, field: string, target: string | undefined) => {
    if (target !== undefined && !stepIds.has(target)) at(step, `${field} points to "${target}", which is not a step of this flow`, `use one of: ${allStepIds}`);
  };

  for (const slot of flow.takes?.slots ?? []) {
    if (!refs.slots.has(slot)) problems.push(new FlowError({ file: flow.file, line: flow.takes!.line, flow: flow.id }, `takes an unknown slot "${slot}"`, `declare it in flows/slots.yaml, or use one of: ${[...refs.slots.keys()].join(', ')}`));
  }
  if (flow.resumeIf && !(flow.resumeIf.guard in refs.registry.guards)) {
    problems.push(new FlowError({ file: flow.file, line: flow.resumeIf.line, flow: flow.id }, `resume_if names an unknown guard "${flow.resumeIf.guard}"`, `register it in the flow registry, or use one of: ${known(refs.registry.guards)}`));
  }
  for (const step of flow.steps) {
    targetOk(step, 'next', step.next);
    switch (step.kind) {
      case 'collect':
        slotOk(step, step.slot);
        if (refs.slots.get(step.slot)?.computed) at(step, `collects the computed slot "${step.slot}", which only actions set`, `collect another slot, or remove "computed: true" from "${step.slot}" in flows/slots.yaml`);
        responseOk(step, step.ask, 'ask');
        responseOk(step, step.invalid, 'invalid');
        for (const refusal of step.invalidWhen) {
          guardOk(step, refusal.guard);
          responseOk(step, refusal.response, `invalid_when.${refusal.guard}`);
        }
        if (step.validate) guardOk(step, step.validate.guard);
        if (step.buttons && !(step.buttons in refs.registry.buttons)) at(step, `unknown button provider "${step.buttons}"`, `use one of: ${known(refs.registry.buttons)}`);
        targetOk(step, 'on_max_attempts', step.onMaxAttempts);
        break;
      case 'action':
        if (!(step.action in refs.registry.actions)) at(step, `unknown action "${step.action}"`, `register it in the flow registry, or use one of: ${known(refs.registry.actions)}`);
        targetOk(step, 'on_error', step.onError);
        break;
      case 'say':
        responseOk(step, step.response, 'say');
        break;
      case 'if':
        if ('guard' in step.condition) guardOk(step, step.condition.guard);
        else slotOk(step, step.condition.slot);
        targetOk(step, 'then', step.then);
        targetOk(step, 'else', step.else);
        break;
      case 'call':
      case 'link':
        if (!flowIds.has(step.flow)) at(step, `${step.kind} to unknown flow "${step.flow}"`, `use one of: ${[...flowIds.keys()].join(', ')}`);
        break;
    }
  }
  for (const intent of flow.startOn) {
    if (refs.intents && !refs.intents.includes(intent)) {
      problems.push(new FlowError({ file: flow.file, line: flow.line, flow: flow.id }, `start_on names the intent "${intent}", which content/intents.yaml does not have`, `use one of: ${refs.intents.join(', ')}`));
    }
  }
  if (!problems.length) {
    for (const step of unreachable(flow)) at(step, 'this step can never be reached', 'point a "next", "then" or "else" at it, or remove it');
  }
  return problems;
}

/** The steps no path from the first step leads to. */
function unreachable(flow: FlowDefinition): Step[] {
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const queue = flow.steps.length ? [flow.steps[0].id] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const target of successors(byId.get(id)!)) if (byId.has(target)) queue.push(target);
  }
  return flow.steps.filter((s) => !seen.has(s.id));
}

/** Every step a step can lead to. */
export function successors(step: Step): string[] {
  const out = [step.next];
  if (step.kind === 'if') out.push(step.then, step.else);
  if (step.kind === 'action') out.push(step.onError);
  if (step.kind === 'collect') out.push(step.onMaxAttempts);
  return out.filter((t): t is string => t !== undefined);
}

function callCycles(flows: FlowDefinition[]): FlowError[] {
  const calls = new Map(flows.map((f) => [f.id, f.steps.filter((s) => s.kind === 'call')]));
  const problems: FlowError[] = [];
  const reported = new Set<string>();
  const visit = (flowId: string, path: string[]) => {
    for (const step of calls.get(flowId) ?? []) {
      if (step.kind !== 'call') continue;
      if (path.includes(step.flow)) {
        const cycle = [...path.slice(path.indexOf(step.flow)), step.flow];
        const key = [...new Set(cycle)].sort().join('>');
        if (reported.has(key)) continue;
        reported.add(key);
        const flow = flows.find((f) => f.id === flowId)!;
        problems.push(new FlowError({ file: flow.file, line: step.line, flow: flowId, step: step.id }, `calling "${step.flow}" makes a cycle: ${cycle.join(' → ')}`, 'a called flow must not call back: use "link" to hand off instead'));
        continue;
      }
      visit(step.flow, [...path, step.flow]);
    }
  };
  for (const flow of flows) visit(flow.id, [flow.id]);
  return problems;
}

function sharedIntents(flows: FlowDefinition[]): FlowError[] {
  const owner = new Map<string, FlowDefinition>();
  const problems: FlowError[] = [];
  for (const flow of flows) {
    for (const intent of flow.startOn) {
      const other = owner.get(intent);
      if (other) problems.push(new FlowError({ file: flow.file, line: flow.line, flow: flow.id }, `the intent "${intent}" already starts the flow "${other.id}" (${other.file})`, 'an intent starts one flow: remove it from one of them'));
      else owner.set(intent, flow);
    }
  }
  return problems;
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { ContentError, readContentFile } from '../../salon';
import { FlowError, FlowValidationError } from './errors';
import { compileFlow, flowSetup } from './compile';
import { flowHash } from './flow-hash';
import { BUILT_IN_BUTTON_PROVIDERS, BUILT_IN_RESPONSES } from './machine-types';
import { parseFlow } from './parse-flow';
import { loadSlots, type SlotCatalog } from './slots';
import type { FlowDefinition } from './types';
import { validateFlows, type FlowReferences } from './validate';

/** The flows of a folder, checked and compiled. */
export interface FlowSet {
  definitions: Map<string, FlowDefinition>;
  machines: Map<string, AnyStateMachine>;
  /** Each flow's {@link flowHash}: persisted frames carry it, to tell a flow edited since they were saved. */
  hashes: Map<string, string>;
  /** The flow each intent starts. */
  byIntent: Map<string, string>;
  slots: SlotCatalog;
}

/** The file of slot declarations inside the flows folder. */
export const SLOTS_FILE = 'slots.yaml';

/**
 * Reads every `*.yaml` flow of a folder (and its `slots.yaml`), validates them in two stages (schema,
 * then semantics) and compiles them into XState machines with one shared `setup()`.
 *
 * @throws {FlowValidationError} listing every problem, each with file, line, flow and step.
 */
export function loadFlows(dir: string, refs: Omit<FlowReferences, 'slots'>): FlowSet {
  const slots = loadSlots(join(dir, SLOTS_FILE));
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== SLOTS_FILE).sort();
  const definitions: FlowDefinition[] = [];
  const problems: FlowError[] = [];
  for (const name of files) {
    const file = join(dir, name);
    try {
      definitions.push(parseFlow(readContentFile(file, 'the flow', 'flows live in flows/*.yaml'), file));
    } catch (error) {
      if (error instanceof FlowError) problems.push(error);
      else if (error instanceof ContentError) problems.push(new FlowError({ file: error.file, line: error.line }, error.message.replace(/^[^:]+:(\d+:)? /, '')));
      else throw error;
    }
  }
  return buildFlowSet(definitions, { ...refs, slots }, problems);
}

/** Validates and compiles parsed flows (used by `loadFlows` and by tests with inline flows). */
export function buildFlowSet(definitions: FlowDefinition[], refs: FlowReferences, earlierProblems: FlowError[] = []): FlowSet {
  const problems = [...earlierProblems, ...validateFlows(definitions, refs), ...builtInProblems(refs, definitions[0]?.file ?? 'flows/')];
  if (problems.length) throw new FlowValidationError(problems);
  const shared = flowSetup(refs.registry, refs.slots);
  return {
    definitions: new Map(definitions.map((d) => [d.id, d])),
    machines: new Map(definitions.map((d) => [d.id, compileFlow(d, shared, refs.slots)])),
    hashes: new Map(definitions.map((d) => [d.id, flowHash(d)])),
    byIntent: new Map(definitions.flatMap((d) => d.startOn.map((intent) => [intent, d.id] as const))),
    slots: refs.slots,
  };
}

function builtInProblems(refs: FlowReferences, file: string): FlowError[] {
  return [
    ...BUILT_IN_RESPONSES.filter((key) => !refs.responses.has(key)).map(
      (key) => new FlowError({ file }, `the response "${key}", which every flow uses, is missing`, `add "${key}:" to content/responses.yaml`),
    ),
    ...BUILT_IN_BUTTON_PROVIDERS.filter((name) => !(name in refs.registry.buttons)).map(
      (name) => new FlowError({ file }, `the button provider "${name}", which every flow uses, is not registered`, 'register it in the flow registry'),
    ),
    ...[...refs.slots.values()].filter((slot) => slot.pickedBy !== undefined && !(slot.pickedBy.name in (refs.registry.pickers ?? {}))).map(
      (slot) => new FlowError(
        { file: slot.file ?? file, line: slot.pickedBy!.line },
        `slot "${slot.name}": unknown slot picker "${slot.pickedBy!.name}"`,
        `register it in the flow registry, or use one of: ${Object.keys(refs.registry.pickers ?? {}).join(', ') || '(none registered)'}`,
      ),
    ),
  ];
}

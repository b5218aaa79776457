/**
 * The flow language: the YAML flows of `flows/` parsed, checked against the registry and compiled into
 * XState v5 machines; the slot catalog; write keys that make a turn's CRM writes idempotent.
 */

// Loading and compiling
export { buildFlowSet, loadFlows, SLOTS_FILE, type FlowSet } from './load';
export { flowHash } from './flow-hash';
export { parseFlow } from './parse-flow';
export { loadSlots, parseSlots, type SlotCatalog } from './slots';
export { validateFlows, successors, type FlowReferences } from './validate';
export { flowToMermaid } from './mermaid';
export { compileFlow, flowSetup, mergeSlots } from './compile';
export { withWriteKeys, writeKeyFor } from './write-keys';

// What flows refer to by name
export type { ActionResult, ButtonProvider, ConversationInfo, FlowAction, FlowGuard, FlowInput, FlowRegistry, PickerInput, SayRequest, SlotPicker } from './registry';

// Machines and their protocol
export {
  AWAITING_TAG, BUILT_IN_BUTTON_PROVIDERS, BUILT_IN_RESPONSES, CALL_TAG, FLOW_RESTARTED_RESPONSE,
  type FlowContext, type FlowEmitted, type FlowEvent, type FlowMachineInput, type FlowOutput,
} from './machine-types';

// Definitions and errors
export type { ActionStep, CallStep, CollectStep, Condition, EndStep, FlowDefinition, IfStep, LinkStep, SayStep, SlotDefinition, Step, StepKind } from './types';
export { FlowError, FlowValidationError } from './errors';

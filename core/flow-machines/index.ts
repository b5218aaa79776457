// The flow language: YAML flows compiled into XState v5 machines.

// Loading and compiling
export { buildFlowSet, loadFlows, SLOTS_FILE, type FlowSet } from './load';
export { flowHash } from './flow-hash';
export { parseFlow } from './parse-flow';
export { loadSlots, parseSlots, type SlotCatalog } from './slots';
export { validateFlows, successors, type FlowReferences } from './validate';
export { compileFlow, flowSetup, mergeSlots } from './compile';
export { withWriteKeys, writeKeyFor } from './write-keys';

// What flows refer to by name
export type { ActionResult, Button, ButtonProvider, ConversationInfo, FlowAction, FlowGuard, FlowInput, FlowRegistry, PickerInput, SayRequest, SlotPicker } from './registry';

// Machines and their protocol
export {
  AWAITING_TAG, BUILT_IN_BUTTON_PROVIDERS, BUILT_IN_RESPONSES, CALL_TAG, FLOW_RESTARTED_RESPONSE,
  type FlowContext, type FlowEmitted, type FlowEvent, type FlowMachineInput, type FlowOutput,
} from './machine-types';

// Definitions and errors
export type { ActionStep, CallStep, CollectStep, Condition, EndStep, FlowDefinition, IfStep, LinkStep, SayStep, SlotDefinition, Step, StepKind } from './types';
export { FlowError, FlowValidationError } from './errors';

// Used by other layers
export { flowToMermaid } from './mermaid';

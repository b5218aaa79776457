/**
 * The dialogue manager: one guest message in, the replies out. Guardrails, the NLU's reading in context,
 * the flow stack (start, resume, digress), FAQ answers and the LLM behind their budgets, and the turn's
 * record in the conversation store.
 */

// The engine and what a turn takes and gives
export { DialogueEngine } from './dialogue-engine';
export type { TurnResult, TurnEvent } from './types';

// The flow stack, as the staff summary and the transcript runner read it
export { FlowStack, type FlowInspector } from './flow-stack';

// The LLM layer's events in the log
export { llmEventsTo } from './llm-log';

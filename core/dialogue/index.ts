/**
 * TODO(#12) describe core/dialogue
 */

export { type Reply, type InboundMessage, type TurnResult, type TurnEvent } from './types';
export { DialogueEngine } from './dialogue-engine';
export { type FlowInspector, FlowStack } from './flow-stack';
export { llmEventsTo } from './llm-log';

/**
 * The dialogue core: everything between a guest's message and the assistant's replies that is not the
 * salon's own business or a channel. The layers above (the salon's actions, connectors, the app) use it
 * only through this file.
 */

// Turns: the dialogue manager and its messages
export { DialogueEngine, FlowStack, llmEventsTo, type TurnResult, type TurnEvent, type FlowInspector } from './dialogue';

// Flows: loading, checking, drawing, and what they name (the registry contract the salon's actions fill)
export { loadFlows, parseFlow, flowToMermaid, FlowValidationError, type FlowSet, type FlowDefinition } from './flow-machines';
export type { FlowRegistry, FlowAction, FlowGuard, FlowInput, ActionResult, ButtonProvider, ConversationInfo, PickerInput, SlotPicker } from './flow-machines';

// What the assistant says: response templates, FAQ, guardrails, the LLM layer
export { loadResponses, type Responses } from './responses';
export { loadFaq, type FaqBase } from './faq';
export { GUARDRAIL_HANDOVER_REASONS } from './guardrails';
export { createLlmLayer, DEFAULT_LLM_MODEL, DEFAULT_LLM_TIMEOUT_MS, MAX_LLM_TIMEOUT_MS, REPHRASE_MODES, type LlmLayer, type LlmSettings, type RephraseMode } from './llm';

// The conversation store: ids, state, the message log
export { createSqliteConversationStore, openDatabase, conversationId, parseConversationId, OUT_OF_TURN, type ConversationKey, type ConversationStore, type ConversationState, type StoredConversation, type LoggedMessage, type LoggedTurn } from './store';
export { ConversationNotFoundError, DatabaseBusyError, isDatabaseBusy, useShortBusyTimeout } from './store';

// Delivery: the inbox, the outbox and the channel's sender contract
export { DeliveryService, InvalidInboundError, type DeliveryServiceOptions, type DeliveredReply, type TurnHandler } from './delivery';

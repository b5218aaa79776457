/**
 * TODO(#12) describe core
 */

export { runMigrations, type MigrationStep, migrateOwnTables, conversationId, parseConversationId, type ConversationKey, type ConversationStore, type LoggedMessage, type MessageAttachment, OUT_OF_TURN, createSqliteConversationStore, openDatabase, DatabaseBusyError, isDatabaseBusy, useShortBusyTimeout, ConversationNotFoundError, type LoggedTurn, type ConversationState, type StoredConversation } from './store';
export { type ActionResult, type ConversationInfo, type FlowAction, type Button, type ButtonProvider, type FlowInput, type FlowGuard, type FlowRegistry, type PickerInput, type SlotPicker, type FlowSet, loadFlows, type FlowDefinition, parseFlow, flowToMermaid, FlowValidationError } from './flow-machines';
export { type Responses, loadResponses } from './responses';
export { InvalidInboundError, type TurnHandler, type Sender, channelSender, SendError, type DeliveredReply, DeliveryService, type DeliveryServiceOptions } from './delivery';
export { type FaqBase, loadFaq } from './faq';
export { GUARDRAIL_HANDOVER_REASONS } from './guardrails';
export { type InboundMessage, type Reply, type TurnResult, DialogueEngine, type FlowInspector, llmEventsTo, type TurnEvent, FlowStack } from './dialogue';
export { createLlmLayer, type LlmLayer, type LlmSettings, llmSettingsFromEnv } from './llm';

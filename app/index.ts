/**
 * The composition root: the only place that wires adapters to ports. It builds the assistant from the
 * content, the flows, the CRM and the NLU; starts the HTTP server with its channels (web widget,
 * Telegram, WhatsApp, the staff chat); reads the environment (paths, embedder, server settings); and owns
 * the log implementation. The CLI and the QA tools start the product through it.
 */

// The assistant and its content
export { createAssistant, loadContent, type Assistant, type AssistantContent } from './assistant';

// The server and its channels
export { startServer, serverConfigFromEnv, keepServingOnErrors } from './server';

// The environment: paths, the LLM, the embedder, the log
export { PROJECT_ROOT, contentDir, cacheDir, databasePath } from './paths';
export { llmSettingsFromEnv } from './llm-settings';
export { createEmbedder, embedderSettingsFromEnv } from './embedder-settings';
export { loggerFromEnv } from './log';

/**
 * TODO(#12) describe app
 */

export { createAssistant, type Assistant, type AssistantContent, loadContent } from './assistant';
export { createEmbedder, embedderSettingsFromEnv } from './embedder-settings';
export { type Logger, loggerFromEnv } from './log';
export { keepServingOnErrors, serverConfigFromEnv, startServer } from './server';

/** The HTTP server: configuration, the express app, starting and stopping, the HTTP errors. */

// Configuration
export { serverConfigFromEnv, describeChannels, DEFAULT_HOST, type ServerConfig, type ChannelStatus } from './config';
export { telegramSettingsFromEnv, TELEGRAM_VARIABLES, type TelegramSettings } from './telegram-settings';
export { whatsappSettingsFromEnv, WHATSAPP_VARIABLES, type WhatsAppSettings } from './whatsapp-settings';

// The messengers as the server runs them
export { telegramChannel, TELEGRAM_WEBHOOK_PATH, type TelegramChannel, type TelegramChannelDeps, type TelegramChannelOverrides } from './telegram-channel';
export { whatsappChannel, WHATSAPP_WEBHOOK_PATH, type WhatsAppChannel, type WhatsAppChannelDeps } from './whatsapp-channel';

// Webhooks checked before their bodies are read
export { announcedBodyUnder, checkBeforeBody, TELEGRAM_BODY_LIMIT, WHATSAPP_BODY_LIMIT } from './webhook-guard';

// Security headers
export { demoPageSecurityHeaders, securityHeaders } from './security-headers';

// The application
export { createServerApp, type ServerAppDeps } from './app';
export { startServer, type RunningServer, type StartServerOptions } from './start-server';
export { keepServingOnErrors, type ProcessEvents } from './process-guards';

// Errors
export { HttpError, badRequest } from './errors';
export { jsonErrorHandler, notFound, type ErrorBody } from './error-handler';

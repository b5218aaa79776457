/**
 * The Telegram connector (node-telegram-bot-api): updates in, replies out.
 */

// The connector: polling or webhook, /start and /help, button answers
export { TelegramConnector, type TelegramConnectorOptions, type TelegramResponseKey } from './connector';
export { TelegramPoller, type PollingOptions } from './polling';

// Inbound: updates → the engine's messages
export { parseTelegramUpdate, TELEGRAM_CHANNEL, type ParseTelegramOptions, type ParsedTelegramUpdate, type TelegramInboundMessage } from './parse-update';

// Outbound: replies → sendMessage calls
export { TelegramSender, type TelegramSendOptions, type TelegramSendResult, type TelegramSenderOptions } from './sender';
export { renderTelegramReply, MAX_CALLBACK_DATA_BYTES, type TelegramOutgoingMessage, type TelegramRenderOptions, type TelegramRendering } from './render';
export { asksForPhone, PHONE_RESPONSES, type PhoneAwareReply } from './phone-request';

// The delivery outbox's sender for Telegram
export { telegramDeliverySender, toSendError } from './delivery-sender';

// Webhook
export { isValidSecretToken, SECRET_TOKEN_HEADER, SECRET_TOKEN_PATTERN } from './webhook';

// Errors
export { TelegramApiError, TelegramConfigError, TelegramNetworkError, toTelegramError } from './errors';

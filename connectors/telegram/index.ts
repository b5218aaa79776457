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
export { ChatPacer, type PacerOptions } from './pacer';
export { splitText, MAX_MESSAGE_LENGTH } from './split-text';
export { MemoryPayloadTable, encodePayload, decodePayload, PAYLOAD_KEY_PREFIX, type PayloadTable } from './payload-table';
export { MemorySentParts, type SentParts } from './sent-parts';

// The delivery outbox's sender for Telegram
export { telegramDeliverySender, toSendError } from './delivery-sender';

// Webhook and consent
export { isValidSecretToken, readJsonBody, readRawBody, sendJson, SECRET_TOKEN_HEADER, SECRET_TOKEN_PATTERN, type WebhookRequest } from './webhook';
export { MemoryConsentRecorder, type ConsentRecord, type ConsentRecorder } from './consent';

// Errors
export { TelegramApiError, TelegramConfigError, TelegramNetworkError, toTelegramError } from './errors';

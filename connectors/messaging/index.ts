/**
 * What the messenger connectors (Telegram, WhatsApp) share: button payloads that do not fit a message,
 * long texts split into parts, pacing per chat, the parts sent per delivery, the consent record, and
 * webhook bodies. Nothing here knows a particular messenger.
 */

// Button payloads and long texts
export { MemoryPayloadTable, encodePayload, decodePayload, PAYLOAD_KEY_PREFIX, type PayloadTable } from './payload-table';
export { splitText, MAX_MESSAGE_LENGTH } from './split-text';
export { MalformedPayloadError, isRefusedMessage, logSkipped, skipReason, type SkippedPayload } from './malformed-payload';

// Sending: pacing per chat, the parts of one delivery
export { ChatPacer, type PacerOptions } from './pacer';
export { MemorySentParts, type SentParts } from './sent-parts';

// Consent to processing personal data
export { MemoryConsentRecorder, type ConsentRecord, type ConsentRecorder } from './consent';

// Webhook bodies
export { readJsonBody, readRawBody, sendJson, type WebhookRequest } from './http-body';

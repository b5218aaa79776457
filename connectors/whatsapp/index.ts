/**
 * The WhatsApp Business connector (Cloud API, or 360dialog): webhooks in, replies out.
 */

// Inbound: the webhook endpoints and the payloads they carry
export { createWhatsAppWebhook, type WhatsAppWebhookOptions, type WhatsAppWebhookRequest } from './webhook';
export {
  parseWhatsAppWebhook, readWhatsAppWebhook, WHATSAPP_CHANNEL, type ParseWhatsAppOptions, type WhatsAppInboundMessage, type WhatsAppWebhookContents,
} from './parse-webhook';
export { D360_SIGNATURE_HEADER, isValidSignature, looksLikeSignature, signatureOf, SIGNATURE_HEADER } from './signature';
export { verifyHandshake, type HandshakeAnswer } from './handshake';

// Outbound: replies → Cloud API / 360dialog messages
export { WhatsAppSender, type WhatsAppSendResult, type WhatsAppSenderOptions, type WhatsAppTemplate } from './sender';
export { renderWhatsAppReply, WHATSAPP_LIMITS, type WhatsAppMessageBody, type WhatsAppRenderOptions } from './render';
export {
  WhatsAppClient, CLOUD_API_BASE_URL, CLOUD_API_VERSION, DIALOG360_BASE_URL,
  type CloudApiProvider, type Dialog360Provider, type WhatsAppProvider,
} from './client';
export { whatsappDeliverySender } from './delivery-sender';
export { isWithinServiceWindow, MemoryServiceWindow, SERVICE_WINDOW_MS, type LastInboundLookup } from './service-window';

// Errors
export { REENGAGEMENT_ERROR_CODE, WhatsAppApiError, WhatsAppConfigError, WhatsAppNetworkError, WhatsAppWindowClosedError } from './errors';

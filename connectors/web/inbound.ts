/** The web chat API's request body, checked and turned into the engine's inbound message. */
import { type InboundMessage, badRequest } from '../../common';

/** The channel name of the widget. Conversation ids are `web:<sessionId>`. */
export const WEB_CHANNEL = 'web';

/** Longest text accepted; the engine's guardrails cap what it reads further. */
export const MAX_TEXT_LENGTH = 10_000;

const SESSION_ID = /^[A-Za-z0-9_-]{8,128}$/;
const MESSAGE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * Checks a session id (the widget's, kept in localStorage).
 *
 * @throws {HttpError} 400 `invalid_session` naming the expected form.
 */
export function checkSessionId(value: unknown): string {
  if (typeof value !== 'string' || !SESSION_ID.test(value)) {
    throw badRequest('invalid_session', 'sessionId must be 8–128 characters of letters, digits, "-" or "_"');
  }
  return value;
}

/**
 * The inbound message of a `POST /api/web/messages` body `{ sessionId, text | payload, messageId?, userName? }`.
 *
 * @throws {HttpError} 400 with a code per problem: `invalid_session`, `empty_message`, `invalid_text`,
 *   `text_too_long`, `invalid_payload`, `invalid_message_id`.
 * @example webInboundMessage({ sessionId: 'k3j4h5g6f7', text: 'хочу на маникюр' })
 * // { channel: 'web', userId: 'k3j4h5g6f7', text: 'хочу на маникюр' }
 */
export function webInboundMessage(body: unknown): InboundMessage {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('invalid_body', 'send a JSON object { sessionId, text } or { sessionId, payload }');
  const fields = body as Record<string, unknown>;
  const sessionId = checkSessionId(fields.sessionId);
  const { text, payload, messageId, userName } = fields;
  if (text !== undefined && typeof text !== 'string') throw badRequest('invalid_text', 'text must be a string');
  if (typeof text === 'string' && text.length > MAX_TEXT_LENGTH) throw badRequest('text_too_long', `text is longer than ${MAX_TEXT_LENGTH} characters`);
  if (payload !== undefined && (typeof payload !== 'string' || payload.length > 500)) throw badRequest('invalid_payload', 'payload must be a button payload string');
  if (messageId !== undefined && (typeof messageId !== 'string' || !MESSAGE_ID.test(messageId))) {
    throw badRequest('invalid_message_id', 'messageId must be 1–128 characters of letters, digits, "-", "_", ".", ":"');
  }
  const hasText = typeof text === 'string' && text.trim() !== '';
  const hasPayload = typeof payload === 'string' && payload.trim() !== '';
  if (!hasText && !hasPayload) throw badRequest('empty_message', 'send a non-empty text or a button payload');
  return {
    channel: WEB_CHANNEL,
    userId: sessionId,
    ...(hasPayload ? { payload: (payload as string).trim() } : { text: text as string }),
    ...(messageId ? { messageId: messageId as string } : {}),
    ...(typeof userName === 'string' && userName.trim() ? { userName: userName.trim().slice(0, 100) } : {}),
  };
}

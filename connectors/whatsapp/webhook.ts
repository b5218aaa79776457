/**
 * The WhatsApp webhook endpoints (express or plain node:http): the verification GET and the message POST,
 * whose signature is checked on the raw body before anything else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../common';
import { readRawBody, sendJson, type PayloadTable, isRefusedMessage, logSkipped, skipReason } from '../messaging';
import { verifyHandshake } from './handshake';
import { readWhatsAppWebhook, type WhatsAppInboundMessage } from './parse-webhook';
import { D360_SIGNATURE_HEADER, isValidSignature, SIGNATURE_HEADER } from './signature';

/** A request; `body` is a Buffer when `express.raw()` ran, `rawBody` when a JSON parser kept the bytes. */
export type WhatsAppWebhookRequest = IncomingMessage & { body?: unknown; rawBody?: Buffer };

export interface WhatsAppWebhookOptions {
  /** The token typed into the App Dashboard's webhook settings. */
  verifyToken: string;
  /** The app secret (App Dashboard → Settings → Basic): the key of X-Hub-Signature-256 (360dialog: the platform secret). */
  appSecret: string;
  /** The header the signature comes in: X-Hub-Signature-256 (Meta, the default) or x-360dialog-signature. */
  signatureHeader?: typeof SIGNATURE_HEADER | typeof D360_SIGNATURE_HEADER;
  /**
   * A guest's message: write it to the inbox. Throwing answers 500, so Meta delivers the webhook again;
   * throwing a refusal of the message itself (`MalformedPayloadError`, `InvalidInboundError`) skips it.
   */
  onMessage: (message: WhatsAppInboundMessage) => void | Promise<void>;
  payloads?: PayloadTable;
  logger?: Logger;
}

/**
 * The two handlers.
 *
 * @example
 * const webhook = createWhatsAppWebhook({ verifyToken, appSecret, onMessage: (m) => inbox.add(m) });
 * app.get('/whatsapp/webhook', webhook.verify);
 * app.post('/whatsapp/webhook', express.raw({ type: '*\/*' }), webhook.receive);
 */
export function createWhatsAppWebhook(options: WhatsAppWebhookOptions): {
  verify: (req: IncomingMessage, res: ServerResponse) => void;
  receive: (req: WhatsAppWebhookRequest, res: ServerResponse) => Promise<void>;
} {
  return {
    verify(req, res) {
      const query = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
      const answer = verifyHandshake(query, options.verifyToken);
      if (answer.status !== 200) options.logger?.warn('whatsapp.webhook.handshake_refused', {});
      res.statusCode = answer.status;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(answer.body);
    },

    async receive(req, res) {
      let raw: Buffer;
      try {
        raw = await rawBodyOf(req);
      } catch (error) {
        sendJson(res, 500, { error: 'no_raw_body', message: String((error as Error).message) });
        return;
      }
      const header = options.signatureHeader ?? SIGNATURE_HEADER;
      if (!isValidSignature(raw, req.headers[header], options.appSecret)) {
        options.logger?.warn('whatsapp.webhook.bad_signature', { ip: req.socket?.remoteAddress, header });
        sendJson(res, 401, { error: 'unauthorized', message: `missing or wrong ${header}` });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        sendJson(res, 400, { error: 'bad_request', message: 'the body is not JSON' });
        return;
      }
      const { messages, skipped } = readWhatsAppWebhook(body, { payloads: options.payloads });
      for (const item of skipped) logSkipped(options.logger, 'whatsapp.webhook.skipped', item);
      try {
        for (const message of messages) {
          try {
            await options.onMessage(message);
          } catch (error) {
            // A message the inbox refuses for what it is would be refused on every redelivery too.
            if (!isRefusedMessage(error)) throw error;
            logSkipped(options.logger, 'whatsapp.webhook.skipped', { reason: skipReason(error), messageId: message.messageId });
          }
        }
        sendJson(res, 200, { ok: true });
      } catch (error) {
        options.logger?.error('whatsapp.webhook.failed', { error: String(error) });
        sendJson(res, 500, { error: 'internal', message: 'the messages could not be taken; Meta will redeliver them' });
      }
    },
  };
}

/** The bytes as received: the signature is over them, not over re-serialised JSON. */
async function rawBodyOf(req: WhatsAppWebhookRequest): Promise<Buffer> {
  if (Buffer.isBuffer(req.body)) return req.body;
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if (req.body !== undefined && typeof req.body === 'object' && req.body !== null && Object.keys(req.body).length > 0) {
    throw new Error('the body was parsed before the signature could be checked: mount this route with express.raw({ type: "*/*" })');
  }
  return readRawBody(req);
}

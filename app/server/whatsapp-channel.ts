/**
 * The WhatsApp channel as the server runs it: the webhook (verification GET, signed POST on the raw body)
 * writing guests' messages to the delivery inbox, and the outbox's sender (24-hour window from the
 * conversation log, the template outside it).
 */
import express, { type Router } from 'express';
import {
  createWhatsAppWebhook, D360_SIGNATURE_HEADER, looksLikeSignature, SIGNATURE_HEADER, WHATSAPP_CHANNEL, WhatsAppSender, whatsappDeliverySender,
} from '../../connectors/whatsapp';
import type { PayloadTable, SentParts } from '../../connectors/messaging';
import { conversationId, type ConversationStore } from '../../core';
import { type InboundMessage, type Sender, type Logger } from '../../common';
import type { Clock } from '../../nlu';
import { announcedBodyUnder, checkBeforeBody, WHATSAPP_BODY_LIMIT } from './webhook-guard';
import type { WhatsAppSettings } from './whatsapp-settings';

/** Where the server's WhatsApp webhook listens. */
export const WHATSAPP_WEBHOOK_PATH = '/whatsapp/webhook';

/** How far back the conversation log is searched for the guest's last message. */
const LAST_INBOUND_WINDOW = 50;

export interface WhatsAppChannelDeps {
  settings: WhatsAppSettings;
  store: Pick<ConversationStore, 'messages'>;
  payloads: PayloadTable;
  sentParts: SentParts;
  /** Writes a guest's message to the inbox (`delivery.receive`): the webhook answers 200 after it. */
  receive: (message: InboundMessage) => unknown;
  clock: Clock;
  log: Logger;
}

/** A built WhatsApp channel. */
export interface WhatsAppChannel {
  sender: Sender;
  /** `GET` and `POST /whatsapp/webhook`. */
  router: Router;
}

/**
 * Builds the WhatsApp channel.
 *
 * @example const whatsapp = whatsappChannel({ settings: config.whatsapp, store, payloads, sentParts, receive, clock, log });
 */
export function whatsappChannel(deps: WhatsAppChannelDeps): WhatsAppChannel {
  const { settings } = deps;
  const signatureHeader = settings.provider.kind === '360dialog' ? D360_SIGNATURE_HEADER : SIGNATURE_HEADER;
  const webhook = createWhatsAppWebhook({
    verifyToken: settings.verifyToken ?? '',
    appSecret: settings.appSecret,
    signatureHeader,
    onMessage: (message) => void deps.receive(message),
    payloads: deps.payloads,
    logger: deps.log,
  });
  const sender = new WhatsAppSender({
    provider: settings.provider,
    // The 24-hour window runs from the guest's last message in the conversation log.
    lastInboundAt: (userId) => {
      const log = deps.store.messages(conversationId({ channel: WHATSAPP_CHANNEL, userId }), { last: LAST_INBOUND_WINDOW });
      const last = log.filter((m) => m.direction === 'in').at(-1);
      return last ? new Date(last.at) : undefined;
    },
    now: deps.clock,
    template: settings.template,
    payloads: deps.payloads,
    sentParts: deps.sentParts,
  });
  const router = express.Router();
  router.get(WHATSAPP_WEBHOOK_PATH, webhook.verify);
  // The signature is an HMAC of the body, so the body is read to check it; but not without a signature header.
  router.post(
    WHATSAPP_WEBHOOK_PATH,
    checkBeforeBody((req) => looksLikeSignature(req.headers[signatureHeader]), `missing or malformed ${signatureHeader}`, deps.log),
    announcedBodyUnder(WHATSAPP_BODY_LIMIT),
    express.raw({ type: '*/*', limit: WHATSAPP_BODY_LIMIT }),
    webhook.receive,
  );
  return { sender: whatsappDeliverySender(sender), router };
}

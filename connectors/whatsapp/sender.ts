/**
 * Sends assistant replies to WhatsApp guests: inside the 24-hour window the rendered reply (text,
 * buttons, lists); outside it only the configured template. One guest's messages go one at a time, in
 * order; failures are thrown as typed errors for the outbox.
 */
import type { Reply } from '../../common';
import { ChatPacer, MemoryPayloadTable, type PayloadTable, type SentParts } from '../messaging';
import { WhatsAppClient, type WhatsAppProvider } from './client';
import { REENGAGEMENT_ERROR_CODE, WhatsAppApiError, WhatsAppWindowClosedError } from './errors';
import { renderWhatsAppReply, type WhatsAppMessageBody } from './render';
import { isWithinServiceWindow, type LastInboundLookup } from './service-window';

/** The template sent outside the 24-hour window (approved in WhatsApp Manager). */
export interface WhatsAppTemplate {
  name: string;
  /** e.g. `ru`. */
  language: string;
  /** Template components (body parameters…), fixed or built from the reply. */
  components?: unknown[] | ((reply: Reply) => unknown[] | undefined);
}

export interface WhatsAppSenderOptions {
  provider: WhatsAppProvider;
  /** When the guest last wrote (the 24-hour rule). */
  lastInboundAt: LastInboundLookup;
  /** The clock (injected; never read from the system inside logic). */
  now: () => Date;
  /** Sent instead of a reply outside the window; without one such a reply fails with WhatsAppWindowClosedError. */
  template?: WhatsAppTemplate;
  payloads?: PayloadTable;
  /** Where the messages of a reply already sent are noted per delivery id, so a resend skips them. */
  sentParts?: SentParts;
  listButtonTitle?: string;
  moreChoicesText?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** What a send produced: the last message's `wamid` and all of them; `template` when the template went instead. */
export interface WhatsAppSendResult {
  messageId: string;
  messageIds: string[];
  template?: boolean;
}

/** Sends replies through the Cloud API or 360dialog. */
export class WhatsAppSender {
  readonly payloads: PayloadTable;
  private readonly client: WhatsAppClient;
  // Ordering only: WhatsApp has no per-chat pace to keep.
  private readonly queue = new ChatPacer({ intervalMs: 0 });

  constructor(private readonly options: WhatsAppSenderOptions) {
    this.payloads = options.payloads ?? new MemoryPayloadTable();
    this.client = new WhatsAppClient(options.provider, { fetch: options.fetch, timeoutMs: options.timeoutMs });
  }

  /**
   * Sends a reply to a guest (`wa_id`). Outside the 24-hour window, or when Meta says the window is
   * closed (error 131047), the template is sent instead. With a `deliveryId` (the outbox's), messages of
   * the reply sent before under it are not sent again.
   *
   * @throws {WhatsAppWindowClosedError} outside the window without a template.
   * @throws {WhatsAppApiError} / {WhatsAppNetworkError} when sending fails (`retryable` tells the outbox).
   * @example
   * await sender.send('79991234567', { text: 'Записать?', buttons: [{ title: 'Да', payload: '/slot confirmed=true' }] });
   */
  send(userId: string, reply: Reply, options: { deliveryId?: number } = {}): Promise<WhatsAppSendResult> {
    return this.queue.run(userId, async () => {
      const { deliveryId } = options;
      const record = deliveryId === undefined ? undefined : this.options.sentParts;
      const already = record?.of(deliveryId!) ?? new Map<number, string>();
      const last = await this.options.lastInboundAt(userId);
      if (already.size === 0 && !isWithinServiceWindow(last, this.options.now())) return this.sendTemplate(userId, reply);
      const ids: string[] = [];
      const messages = renderWhatsAppReply(reply, { payloads: this.payloads, listButtonTitle: this.options.listButtonTitle, moreChoicesText: this.options.moreChoicesText });
      for (const [part, message] of messages.entries()) {
        const sentBefore = already.get(part);
        if (sentBefore !== undefined) {
          ids.push(sentBefore);
          continue;
        }
        try {
          ids.push(await this.client.post(userId, message));
          record?.record(deliveryId!, part, ids[ids.length - 1]);
        } catch (error) {
          // Meta's clock decides: a window our log thinks open may already be closed.
          if (error instanceof WhatsAppApiError && error.code === REENGAGEMENT_ERROR_CODE && ids.length === 0 && this.options.template) {
            return this.sendTemplate(userId, reply);
          }
          throw error;
        }
      }
      return { messageId: ids[ids.length - 1] ?? '', messageIds: ids };
    });
  }

  private async sendTemplate(userId: string, reply: Reply): Promise<WhatsAppSendResult> {
    const template = this.options.template;
    if (!template) throw new WhatsAppWindowClosedError(userId);
    const components = typeof template.components === 'function' ? template.components(reply) : template.components;
    const message: WhatsAppMessageBody = {
      type: 'template',
      template: { name: template.name, language: { code: template.language }, ...(components ? { components } : {}) },
    };
    const id = await this.client.post(userId, message);
    return { messageId: id, messageIds: [id], template: true };
  }
}

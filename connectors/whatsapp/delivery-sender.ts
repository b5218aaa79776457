/**
 * The WhatsApp sender as the delivery outbox's `Sender`: the delivery id goes along (a split reply
 * resumes where it stopped), and failures become `SendError`s: rate limits, 5xx and the network are
 * retried; a refused request or a closed 24-hour window without a template are not.
 */
import { channelSender, SendError, type Sender } from '../../common';
import { WhatsAppApiError, WhatsAppNetworkError, WhatsAppWindowClosedError } from './errors';
import type { WhatsAppSender } from './sender';

/**
 * The outbox's sender for the `whatsapp` channel: the guest's user id is the `wa_id`.
 *
 * @example
 * new DeliveryService({ …, senders: { whatsapp: whatsappDeliverySender(sender) } });
 */
export function whatsappDeliverySender(sender: WhatsAppSender): Sender {
  return channelSender(sender, (error) => {
    const known = error instanceof WhatsAppApiError || error instanceof WhatsAppNetworkError || error instanceof WhatsAppWindowClosedError;
    const retryable = known ? error.retryable : true;
    return new SendError(error instanceof Error ? error.message : String(error), { retryable, cause: error });
  });
}

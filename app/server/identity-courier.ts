/**
 * The courier of one-time codes on the running channels: a code for a typed phone goes to a chat the
 * client already wrote from with a verified identity (her Telegram or WhatsApp, linked in the CRM),
 * through the outbox like any reply. A web session is never such a chat: anyone can open one.
 */
import type { Crm } from '../../crm';
import type { DeliveryService, Responses } from '../../core';
import type { IdentityCourier } from '../../actions';

export interface ChannelCourierOptions {
  crm: Pick<Crm, 'linkedUsers'>;
  responses: Pick<Responses, 'render'>;
  deliver: DeliveryService['deliver'];
  /** The channels that can carry a code: those with a sender, other than the web chat. */
  channels: ReadonlySet<string>;
}

/**
 * @example
 * assistant.identity.courier = channelCourier({ crm, responses, deliver, channels: new Set(['telegram', 'whatsapp']) });
 */
export function channelCourier(options: ChannelCourierOptions): IdentityCourier {
  return {
    async sendCode(client, code, asking) {
      const users = await options.crm.linkedUsers(client.id);
      const chat = users.find((u) => options.channels.has(u.channel) && !(u.channel === asking.channel && u.userId === asking.userId));
      if (!chat) return false;
      const text = options.responses.render('identity_code_message', { identity_code: code });
      options.deliver(chat, [{ text, buttons: [], response: 'identity_code_message' }]);
      return true;
    },
  };
}

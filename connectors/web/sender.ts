/** The web channel's sender: a reply goes to every open page of the guest. */
import type { Sender } from '../../common';
import type { WebEventHub } from './events';

/**
 * Publishes each reply to the guest's open pages (server-sent events). It always succeeds: a page that is
 * closed now reads the reply from the history when it opens again, and pages drop delivery ids they
 * already show, so a reply published twice is shown once.
 */
export function webSender(hub: WebEventHub): Sender {
  return {
    async send(message) {
      hub.publish(message.conversationId, { id: message.deliveryId, ...message.reply });
    },
  };
}

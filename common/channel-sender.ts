/**
 * A channel's sender as the delivery outbox's `Sender`: the guest's user id is the channel's address,
 * the delivery id goes along (so a split reply resumes where it stopped), and the channel's failures
 * become `SendError`s that say whether a retry can help — each channel says how.
 */
import { SendError, type Reply, type Sender } from './channel';

/** What the outbox needs of a channel's own sender. */
export interface ChannelSend {
  send(userId: string, reply: Reply, options: { deliveryId: number }): Promise<{ messageId: string }>;
}

/**
 * The outbox's sender over a channel sender; a `SendError` the channel throws passes as it is.
 *
 * @example
 * channelSender(telegramSender, (error) => toSendError('sendMessage', error))
 */
export function channelSender(channel: ChannelSend, toSendError: (error: unknown) => SendError): Sender {
  return {
    async send(message) {
      try {
        const { messageId } = await channel.send(message.userId, message.reply, { deliveryId: message.deliveryId });
        return { messageId };
      } catch (error) {
        throw error instanceof SendError ? error : toSendError(error);
      }
    },
  };
}

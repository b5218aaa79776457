/**
 * The outbox's sender for the staff chat (channel `staff`): posts to `STAFF_CHAT_ID` through the
 * Telegram bot, threads a conversation's later messages under its newest post, and remembers which chat
 * message belongs to which conversation, so that a staff reply finds its guest.
 */
import { toSendError, type TelegramSender } from '../telegram';
import type { Sender } from '../../common';
import type { Clock } from '../../nlu';
import { STAFF_SUMMARY } from './summary';
import type { StaffThreads } from './threads';

/**
 * @example new DeliveryService({ …, senders: { staff: staffChatSender({ telegram: connector.sender, staffChatId, threads, clock }) } })
 */
export function staffChatSender(deps: { telegram: TelegramSender; staffChatId: string; threads: StaffThreads; clock: Clock }): Sender {
  return {
    async send(message) {
      const conversation = message.userId;
      // A summary opens a new thread (a new handover); everything else replies in the newest one.
      const replyTo = message.reply.response === STAFF_SUMMARY ? undefined : deps.threads.latestPosted(deps.staffChatId, conversation);
      let result;
      try {
        result = await deps.telegram.send(deps.staffChatId, message.reply, { deliveryId: message.deliveryId, replyToMessageId: replyTo === undefined ? undefined : Number(replyTo) });
      } catch (error) {
        throw toSendError('sendMessage', error);
      }
      for (const id of result.messageIds) deps.threads.remember(deps.staffChatId, id, conversation, 'posted', deps.clock());
      return { messageId: result.messageId };
    },
  };
}

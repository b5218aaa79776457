/**
 * The Telegram sender as the delivery outbox's `Sender`: the outbox's delivery id goes along (so a split
 * reply resumes where it stopped), and Telegram's failures become `SendError`s that say whether a retry
 * can help and how long Telegram asked to wait.
 */
import { channelSender, SendError, type Sender } from '../../common';
import { TelegramApiError, TelegramNetworkError, toTelegramError } from './errors';
import type { TelegramSender } from './sender';

/**
 * The outbox's sender for the `telegram` channel: the guest's user id is the chat id.
 *
 * @example
 * new DeliveryService({ …, senders: { telegram: telegramDeliverySender(connector.sender) } });
 */
export function telegramDeliverySender(sender: TelegramSender): Sender {
  return channelSender(sender, (error) => toSendError('sendMessage', error));
}

/**
 * A Telegram failure as the outbox reads it: 429 and 5xx and the network are retryable (after
 * `retry_after` when given); 400 (bad request) and 403 (blocked by the guest) are not.
 *
 * @example
 * catch (error) { throw toSendError('sendMessage', error); }
 */
export function toSendError(method: string, error: unknown): SendError {
  if (error instanceof SendError) return error;
  const telegram = toTelegramError(method, error);
  if (telegram instanceof TelegramApiError) {
    return new SendError(telegram.message, {
      retryable: telegram.retryable,
      retryAfterMs: telegram.retryAfter !== undefined ? telegram.retryAfter * 1000 : undefined,
      cause: telegram,
    });
  }
  return new SendError((telegram as TelegramNetworkError).message, { retryable: true, cause: telegram });
}

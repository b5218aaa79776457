/**
 * Detects handovers around the dialogue engine, without touching it: a turn that ends handed over when
 * the conversation was not before posts the summary to staff; a turn of a conversation already handed
 * over relays the guest's message to the staff thread.
 */
import type { TurnHandler } from '../delivery';
import { silentLogger, type Logger } from '../log';
import type { ConversationStore } from '../store';
import type { StaffRelay } from './staff-relay';

/**
 * The engine, with handovers relayed to the staff chat. The relay only queues messages in the outbox
 * (synchronously, right after the turn is saved); a failure there is logged, never thrown, so the turn
 * is not run again for it.
 *
 * @example new DeliveryService({ …, engine: relayHandovers(assistant.engine, { store: assistant.store, relay }) })
 */
export function relayHandovers(engine: TurnHandler, deps: { store: Pick<ConversationStore, 'load'>; relay: Pick<StaffRelay, 'handedOver' | 'guestWrote'>; log?: Logger }): TurnHandler {
  const log = deps.log ?? silentLogger;
  return {
    async handle(message) {
      const key = { channel: message.channel, userId: message.userId };
      // Turns of one conversation run one at a time (delivery's lock), so this is the state the turn starts from.
      const wasHandedOver = (deps.store.load(key)?.state.handedOver ?? null) !== null;
      const result = await engine.handle(message);
      try {
        if (result.handedOver && !wasHandedOver) deps.relay.handedOver(key, message, result);
        else if (result.handedOver) deps.relay.guestWrote(key, message);
      } catch (error) {
        log.error('staff.relay.failed', { conversation: result.conversationId, err: error });
      }
      return result;
    },
  };
}

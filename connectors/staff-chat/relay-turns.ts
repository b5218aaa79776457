/**
 * Detects handovers around the dialogue engine, without touching it: a turn whose events include the
 * handover posts the summary to staff; a turn of a conversation already handed over (handed over, no
 * handover this turn) relays the guest's message to the staff thread.
 */
import type { TurnHandler } from '../../core';
import { silentLogger, type Logger } from '../../common';
import type { StaffRelay } from './staff-relay';

/**
 * The engine, with handovers relayed to the staff chat. The relay only queues messages in the outbox
 * (synchronously, right after the turn is saved); a failure there is logged, never thrown, so the turn
 * is not run again for it.
 *
 * @example new DeliveryService({ …, engine: relayHandovers(assistant.engine, { relay }) })
 */
export function relayHandovers(engine: TurnHandler, deps: { relay: Pick<StaffRelay, 'handedOver' | 'guestWrote'>; log?: Logger }): TurnHandler {
  const log = deps.log ?? silentLogger;
  return {
    async handle(message) {
      const result = await engine.handle(message);
      const key = { channel: message.channel, userId: message.userId };
      // The turn says itself whether it handed over (its `handover` event), so nothing is read before it.
      const handedOverNow = result.events.some((event) => event.type === 'handover');
      try {
        if (result.handedOver && handedOverNow) deps.relay.handedOver(key, message, result);
        else if (result.handedOver) deps.relay.guestWrote(key, message);
      } catch (error) {
        log.error('staff.relay.failed', { conversation: result.conversationId, err: error });
      }
      return result;
    },
  };
}

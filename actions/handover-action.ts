/**
 * Handing the conversation over to an administrator: the dialogue manager ends the flows, remembers
 * why, and the assistant stays silent until staff release the conversation.
 */
import type { FlowAction } from '../core';

/** Why the guest is handed over when a flow does not say. */
export const DEFAULT_HANDOVER_REASON = 'guest_asked';

/**
 * Hands the conversation over with `params.reason` (`change_too_late`, `complaint`, `guest_asked`…).
 *
 * @example await handOver({ params: { reason: 'complaint' }, … }) // { handover: { reason: 'complaint' } }
 */
export const handOver: FlowAction = async ({ params }) => ({
  handover: { reason: typeof params.reason === 'string' && params.reason !== '' ? params.reason : DEFAULT_HANDOVER_REASON },
});

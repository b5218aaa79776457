/**
 * Errors of message delivery. (A channel's own failure to send is `SendError`, of the channel contract in
 * `common/channel.ts`.)
 */
import { CocoError } from '../../common';

/** Any delivery problem. */
export class DeliveryError extends CocoError {}

/** An inbound message lacks what delivery needs (a channel, a user id). */
export class InvalidInboundError extends DeliveryError {}

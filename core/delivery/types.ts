/** The shapes delivery works with: the turn it runs and what a delivered turn returns (a sender's side is the channel contract, `common/channel.ts`). */
import type { TurnResult } from '../dialogue';
import type { InboundMessage, Reply } from '../../common';

/** The part of the dialogue engine delivery needs. */
export interface TurnHandler {
  handle(message: InboundMessage): Promise<TurnResult>;
}

/** A reply with its delivery id (the outbox row). */
export interface DeliveredReply extends Reply {
  id: number;
}

/** The outcome of one inbound message. */
export interface DeliveredTurn {
  inboxId: number;
  conversationId: string;
  replies: DeliveredReply[];
  /** False when the turn could not be processed (see the log); its replies are then only the apology, if any. */
  processed: boolean;
  /** The message had been received before (a redelivery): nothing was processed again. */
  duplicate: boolean;
}

/** An inbound message as the inbox keeps it: the message id is always set (generated when the channel has none). */
export type StoredInbound = InboundMessage & { messageId: string };

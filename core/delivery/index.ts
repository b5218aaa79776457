/**
 * Message delivery for every channel: a deduplicating, durable inbox; one turn at a time per
 * conversation; an outbox with retry and backoff; recovery after a crash.
 */

// The service
export { DeliveryService, type DeliveryServiceOptions, type Receipt, type Timers } from './delivery-service';
export type { DeliveredReply, DeliveredTurn, StoredInbound, TurnHandler } from './types';

// A channel's sender as the outbox's

// Retry
export { backoffDelay, DEFAULT_RETRY, type RetryPolicy } from './backoff';

// Tables
export { Inbox, type InboxEntry } from './inbox';
export { Outbox, type NewOutboxEntry, type OutboxEntry } from './outbox';
export { DELIVERY_MIGRATIONS, migrateDeliveryTables, type DeliveryMigration } from './schema';

// Errors
export { DeliveryError, InvalidInboundError } from './errors';

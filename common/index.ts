/**
 * The shared contracts and utilities, below every other layer: the error base and the errors every layer
 * throws (a bad setting, a bad HTTP request), the logger interface, personal-data redaction, and the
 * migration runner of every table the project creates. Nothing here imports another folder of the project.
 */

// Errors
export { CocoError, FileLocatedError, ConfigError } from './errors';
export { HttpError, badRequest } from './http-error';
export { networkReason } from './network-reason';
export { closest } from './closest';

// Logging and personal data
export { silentLogger, type Logger, type LogFields } from './logger';
export { redactPersonalData } from './redact';

// Tables: one migration runner for every group of tables
export { runMigrations, migrateOwnTables, SchemaTooNewError, TABLE_VERSIONS, type MigrationPlan, type MigrationStep } from './migrations';

// Small utilities
export { BoundedMemo } from './bounded-memo';

// The channel contract: a guest's message in, replies out, the sender and its error
export { SendError, BUTTON_TITLE_LIMITS, type InboundMessage, type MessageAttachment, type Reply, type Button, type OutboundMessage, type Sender, type SendReceipt } from './channel';
export { channelSender, type ChannelSend } from './channel-sender';

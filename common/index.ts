/**
 * TODO(#12) describe common
 */

export { closest } from './closest';
export { FileLocatedError, CocoError, ConfigError } from './errors';
export { BoundedMemo } from './bounded-memo';
export { networkReason } from './network-reason';
export { type Logger, silentLogger, type LogFields } from './logger';
export { redactPersonalData } from './redact';
export { migrateOwnTables, runMigrations, SchemaTooNewError, TABLE_VERSIONS, type MigrationPlan, type MigrationStep } from './migrations';
export { badRequest, HttpError } from './http-error';

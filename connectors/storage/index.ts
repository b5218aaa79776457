/**
 * What the connectors keep on the assistant's SQLite database (tables prefixed `chn_`, created on first
 * use): long button payloads, the parts of split replies already sent, and consents.
 */

// Tables
export { SqlitePayloadTable } from './sqlite-payload-table';
export { SqliteSentParts } from './sqlite-sent-parts';
export { SqliteConsents } from './sqlite-consents';

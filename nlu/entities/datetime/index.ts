/**
 * The `when` entity extractor of the Russian NLU: "в пт после 6", "завтра утром или в субботу
 * вечером", "как можно скорее" → windows for the appointment's start, Moscow time.
 */

// Extractor
export { extractWhen, MAX_SCANNED_LENGTH } from './extract';
export type { WhenOptions } from './extract';

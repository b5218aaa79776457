/**
 * Guardrails: pure, fast checks every guest message passes before the NLU and before any LLM call —
 * a length cap, Russian profanity and abuse, health questions, prompt injection and other languages — and the response
 * keys the caller answers with.
 */

// Checking a message
export { checkMessage, describeFlag, type GuardVerdict, type GuardFlag, type GuardOptions } from './check';

// The detectors on their own
export { capLength, MAX_MESSAGE_CHARS, type CappedText } from './length';
export { detectAbuse, type AbuseMatch, type AbuseReason } from './abuse';
export { detectMedical, type MedicalMatch, type MedicalTopic } from './medical';
export { detectInjection, withoutInjection, type InjectionMatch, type InjectionTechnique } from './injection';
export { detectForeignLanguage, type ForeignLanguageMatch } from './language';

// What the caller does about them
export { registerAbuse, DEFAULT_ABUSE_HANDOVER_AFTER, type AbuseCount, type AbuseDecision } from './abuse-counter';
export { GUARDRAIL_RESPONSES, GUARDRAIL_HANDOVER_REASONS } from './replies';

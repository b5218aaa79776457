/**
 * The response keys (content/responses.yaml) the caller says when a guardrail fires. The texts live in
 * the content so staff can edit them; the keys are fixed.
 */
export const GUARDRAIL_RESPONSES = {
  /** Added when a message was cut by the length cap. */
  tooLong: 'message_too_long',
  /** The calm boundary after abuse. */
  abuse: 'abuse_boundary',
  /** Said when repeated abuse hands the conversation over. */
  abuseHandover: 'abuse_handover',
  /** A health question: the fixed reply, then a handover. */
  medical: 'handover_sensitive',
  /** A message that is nothing but an attempt to steer the assistant. */
  injection: 'injection_boundary',
  /** Another language: a short reply in Russian and English, with the offer of an administrator. */
  foreign: 'foreign_language',
} as const;

/** The handover reasons the caller records for guardrail handovers. */
export const GUARDRAIL_HANDOVER_REASONS = {
  medical: 'medical',
  abuse: 'abuse',
} as const;

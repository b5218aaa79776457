/**
 * Handover to staff: summaries of handed-over conversations in a staff Telegram chat, the guest's later
 * messages in its thread, staff replies back to the guest, and `/bot` to give the conversation back.
 */

// The relay and the turn wrapper that feeds it
export { StaffRelay, STAFF_CHANNEL, HANDOVER_ENDED, type StaffRelayOptions } from './staff-relay';
export { relayHandovers } from './relay-turns';

// The staff chat: its sender and its message → conversation map
export { staffChatSender } from './staff-sender';
export { StaffThreads, type ThreadMessageKind } from './threads';
export { PostedSummaries } from './posted-summaries';

// What staff read
export { staffSummary, staffGuestMessage, staffNote, STAFF_SUMMARY, STAFF_GUEST_MESSAGE, STAFF_NOTE, type HandoverFacts } from './summary';


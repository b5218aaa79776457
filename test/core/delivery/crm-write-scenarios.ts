/**
 * Conversations that end in a CRM write, for the kill-injection test: the messages that lead up to the
 * write, and the message whose turn writes (the process is killed between that write and the turn's
 * commit). Shared by crm-write-crash.test.ts and its worker.
 */

/** The demo guest Анна Петрова (+79990000001): one upcoming pedicure, far from the 4-hour window. */
export const ANNA_PHONE = '+79990000001';

export interface CrmWriteScenario {
  /** What the write is. */
  kind: 'create' | 'move' | 'cancel' | 'upsell' | 'ticket';
  /** Link the web user to Анна before the conversation (a known guest). */
  asAnna: boolean;
  /** The messages before the writing one, each answered and committed. */
  before: string[];
  /** The message whose turn writes to the CRM. */
  writing: string;
  /** The response the guest must get for the write (that she was told). */
  told: string;
}

/** A new guest's phone per run, so each run's bookings and tickets are its own. */
export const guestPhone = (run: number): string => `+7916555${String(1000 + run).slice(-4)}`;

export function scenario(kind: CrmWriteScenario['kind'], run: number): CrmWriteScenario {
  const booking = ['запишите на маникюр с покрытием на тверской к ольге в пятницу после 6', '1', 'Вера', guestPhone(run)];
  switch (kind) {
    case 'create':
      return { kind, asAnna: false, before: booking, writing: 'да', told: 'booking_confirmed' };
    case 'upsell':
      return { kind, asAnna: false, before: [...booking, 'да'], writing: 'да', told: 'upsell_added' };
    case 'move':
      return { kind, asAnna: true, before: ['перенесите запись', 'в субботу', '1'], writing: 'да', told: 'booking_rescheduled' };
    case 'cancel':
      return { kind, asAnna: true, before: ['отмените запись'], writing: 'да', told: 'booking_cancelled' };
    case 'ticket':
      return {
        kind, asAnna: false,
        before: ['хочу пожаловаться', guestPhone(run), guestPhone(run), 'маникюр облез через день', 'тверская', 'вчера', 'ольга', 'маникюр с покрытием', 'нет'],
        writing: 'просто отзыв', told: 'complaint_ticket_created',
      };
  }
}

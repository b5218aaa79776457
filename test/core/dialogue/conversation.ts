/**
 * A conversation with the shipped assistant that reads like a chat: the shipped content and flows, the
 * demo CRM seeded on a frozen clock, the NLU trained once per run.
 *
 * @example
 * const chat = await conversation({ user: 'anna' });
 * await chat.says('запишите на маникюр в пятницу после 6');
 * expect(chat.last.awaiting).to.equal('branch');
 * await chat.presses('/slot branch=tverskaya');
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAssistant, loadContent, type Assistant, type AssistantContent, type IdentityVerification } from '../../../app/assistant';
import type { TurnResult } from '../../../core/dialogue/types';
import type { InboundMessage, Reply, Button, MessageAttachment } from '../../../common';
import type { Booking, SlotOffer } from '../../../crm';
import type { ConversationKey } from '../../../core/store';
import { CONTENT_DIR, shippedNlu } from '../../support/content';
import { removeTempDir } from '../../support/temp';

/** The frozen "now" of the dialogue tests: Tuesday 24 November 2026, noon in Moscow. */
export const NOW = new Date('2026-11-24T12:00:00+03:00');

export const FLOWS_DIR = join(__dirname, '..', '..', '..', 'flows');

/** The demo guests' phones (crm/demo/guests.ts). */
export const PHONES = {
  anna: '+79990000001',
  maria: '+79990000002',
  katya: '+79990000003',
  irina: '+79990000004',
  tatiana: '+79990000005',
} as const;

export interface ConversationOptions {
  /** The guest's id in the channel. */
  user?: string;
  channel?: string;
  /** The guest's name as the channel gives it. */
  userName?: string;
  /** A demo guest's phone: the CRM already links this channel user to that client. */
  knownAs?: string;
  /** An assistant to talk to (e.g. one on a file database); default: a fresh one on `:memory:`. */
  assistant?: Assistant;
  /** How the fresh assistant verifies typed phones (e.g. {@link reachableClients}); default: it cannot. */
  identity?: IdentityVerification;
  /** The phone the channel vouches for, sent with every message (WhatsApp's sender). */
  verifiedPhone?: string;
}

export interface Conversation {
  assistant: Assistant;
  key: ConversationKey;
  /** The last turn. */
  last: TurnResult;
  /** Every turn so far, oldest first. */
  turns: TurnResult[];
  /** The guest writes a message. */
  says(text: string, extra?: { attachments?: MessageAttachment[] }): Promise<TurnResult>;
  /** The guest presses a button: a payload (`/slot branch=tverskaya`). */
  presses(payload: string): Promise<TurnResult>;
  /** The guest presses the button of the last turn whose title contains `title` (case-insensitive). */
  pressesButton(title: string): Promise<TurnResult>;
  /** The guest sends anything (text, payload, attachments). */
  sends(message: Omit<InboundMessage, 'channel' | 'userId'>): Promise<TurnResult>;
  /** The texts of the last turn's replies, one per line. */
  replyText(): string;
  /** The response keys of the last turn's replies, in order. */
  responses(): string[];
  /** The buttons of the last turn, all replies together. */
  buttons(): Button[];
  /** The response keys of every reply of the conversation so far, in order. */
  said(): string[];
  /** Closes the assistant when the conversation made it. */
  close(): void;
}

let content: AssistantContent | undefined;

/**
 * A fresh assistant on the shipped content (loaded once per run), the demo CRM seeded on `database`
 * and the frozen clock; the shipped flows unless `flowsDir` names others (an edited copy).
 */
export async function testAssistant(database = ':memory:', now: Date = NOW, flowsDir = FLOWS_DIR, identity?: IdentityVerification): Promise<Assistant> {
  content ??= loadContent({ contentDir: CONTENT_DIR });
  return createAssistant({ contentDir: CONTENT_DIR, flowsDir, database, clock: () => now, nlu: await shippedNlu(), content, ...(identity && { identity }) });
}

/** The one-time code every test client's verified chat receives from {@link reachableClients}. */
export const TEST_CODE = '204816';

/**
 * Identity verification where every client has a verified chat: codes are "sent" (recorded in `sent`)
 * and are always {@link TEST_CODE}.
 */
export function reachableClients(): IdentityVerification & { sent: Array<{ client: string; code: string }> } {
  const sent: Array<{ client: string; code: string }> = [];
  return { sent, newCode: () => TEST_CODE, courier: { sendCode: async (client, code) => (sent.push({ client: client.id, code }), true) } };
}

/** Starts a conversation with the assistant (a fresh one unless given). */
export async function conversation(options: ConversationOptions = {}): Promise<Conversation> {
  const owned = options.assistant === undefined;
  const assistant = options.assistant ?? (await testAssistant(':memory:', NOW, FLOWS_DIR, options.identity));
  const key = { channel: options.channel ?? 'telegram', userId: options.user ?? 'guest' };
  if (options.knownAs) {
    const client = await assistant.crm.findClientByPhone(options.knownAs);
    if (!client) throw new Error(`no demo client with phone ${options.knownAs}`);
    await assistant.crm.linkClientUser(client.id, key.channel, key.userId);
  }
  let last: TurnResult | undefined;
  const turns: TurnResult[] = [];
  const chat: Conversation = {
    assistant,
    key,
    turns,
    get last(): TurnResult {
      if (!last) throw new Error('the guest has not written yet');
      return last;
    },
    async sends(message) {
      last = await assistant.engine.handle({ ...key, ...(options.userName && { userName: options.userName }), ...(options.verifiedPhone && { verifiedPhone: options.verifiedPhone }), ...message });
      turns.push(last);
      return last;
    },
    says: (text, extra = {}) => chat.sends({ text, ...extra }),
    presses: (payload) => chat.sends({ payload }),
    async pressesButton(title) {
      const wanted = title.toLowerCase();
      const button = chat.buttons().find((b) => b.title.toLowerCase().includes(wanted));
      if (!button) throw new Error(`no button "${title}" among ${JSON.stringify(chat.buttons().map((b) => b.title))}`);
      return chat.presses(button.payload);
    },
    replyText: () => chat.last.replies.map((r: Reply) => r.text).join('\n'),
    responses: () => chat.last.replies.map((r: Reply) => r.response ?? ''),
    buttons: () => chat.last.replies.flatMap((r: Reply) => r.buttons),
    said: () => turns.flatMap((t) => t.replies.map((r) => r.response ?? '')),
    close: () => {
      if (owned) assistant.close();
    },
  };
  return chat;
}

/** A fresh temp folder with a database file path; `remove()` deletes it with its WAL files. */
export function tempDatabase(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'coco-dialogue-'));
  return { path: join(dir, 'coco.db'), remove: () => removeTempDir(dir) };
}

/** The free slots the last search offered (the `offers` slot). */
export function offersOf(turn: TurnResult): SlotOffer[] {
  return (turn.slots.offers as SlotOffer[] | undefined) ?? [];
}

/** The booking the flow just created (the `created_booking` slot), from the CRM. */
export async function createdBooking(chat: Conversation): Promise<Booking> {
  const id = chat.last.slots.created_booking;
  if (typeof id !== 'string') throw new Error(`no booking was created; slots: ${JSON.stringify(chat.last.slots)}`);
  const booking = await chat.assistant.crm.getBooking(id);
  if (!booking) throw new Error(`the CRM has no booking ${id}`);
  return booking;
}

/** The upcoming bookings of a demo guest, nearest first. */
export async function upcomingOf(assistant: Assistant, phone: string): Promise<Booking[]> {
  const client = await assistant.crm.findClientByPhone(phone);
  if (!client) throw new Error(`no demo client with phone ${phone}`);
  return assistant.crm.upcomingBookings(client.id);
}

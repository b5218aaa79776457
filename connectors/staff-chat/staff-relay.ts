/**
 * The staff relay: a handed-over conversation is summarised in the staff Telegram chat; the guest's later
 * messages follow in its thread; a staff member's reply there reaches the guest in the guest's channel,
 * and `/bot` in reply gives the conversation back to the assistant. Every message goes through the
 * delivery outbox (the staff chat's as channel `staff`, keyed by the guest's conversation), so nothing is
 * lost or sent twice across a restart.
 */
import type { Database } from 'better-sqlite3';
import type TelegramBot from 'node-telegram-bot-api';
import { type TurnResult, conversationId, parseConversationId, type ConversationKey, type ConversationStore } from '../../core';
import { type InboundMessage, type Reply, silentLogger, type Logger } from '../../common';
import type { Clock } from '../../nlu';
import { fillStaffText, type StaffTexts } from '../../salon';
import { PostedSummaries } from './posted-summaries';
import { staffGuestMessage, staffNote, staffSummary } from './summary';
import type { StaffThreads } from './threads';

/** The outbox channel of the staff chat's messages; their user id is the guest's conversation id. */
export const STAFF_CHANNEL = 'staff';

/** The response key said to the guest when staff hand the conversation back. */
export const HANDOVER_ENDED = 'handover_ended';

/** How many of the latest log messages the summary quotes. */
const SUMMARY_MESSAGES = 8;

export interface StaffRelayOptions {
  db: Database;
  store: Pick<ConversationStore, 'load' | 'messages' | 'turns' | 'setHandedOver' | 'list' | 'logOutOfTurn'>;
  threads: StaffThreads;
  /** The staff chat (`STAFF_CHAT_ID`). */
  staffChatId: string;
  /**
   * Who may answer guests and give them back (`STAFF_USER_IDS`): Telegram user ids. A reply of anyone
   * else is refused with a note in the thread and logged. Unset: every member of the staff chat may.
   */
  staffUserIds?: readonly string[];
  /** Queues replies in the outbox: `delivery.deliver`. */
  deliver: (key: ConversationKey, replies: Reply[]) => unknown;
  /** Renders a response key from content/responses.yaml. */
  respond: (key: typeof HANDOVER_ENDED) => Reply;
  /** What staff read (content/staff.yaml). */
  texts: StaffTexts;
  /**
   * Channels whose `userName` is whatever the guest's client sent (the web widget's): staff read such a
   * name marked as unverified (`unverified_name`). Default none.
   */
  unverifiedNameChannels?: readonly string[];
  clock: Clock;
  log?: Logger;
}

/**
 * Relays between handed-over guests and the staff chat.
 *
 * @example
 * const relay = new StaffRelay({ db, store, threads, staffChatId, deliver: (k, r) => delivery.deliver(k, r), respond, clock });
 * const engine = relayHandovers(assistant.engine, { relay });   // summaries and guest messages → staff
 * new TelegramConnector({ …, staffChatId, onStaffMessage: (m) => relay.onStaffMessage(m) });  // replies → guests
 */
export class StaffRelay {
  private readonly log: Logger;
  private readonly summaries: PostedSummaries;

  constructor(private readonly options: StaffRelayOptions) {
    this.log = options.log ?? silentLogger;
    this.summaries = new PostedSummaries(options.db);
  }

  /**
   * Posts the summary of a conversation the turn just handed over, once per handover (a turn run again
   * after a crash does not post it twice).
   */
  handedOver(key: ConversationKey, message?: Pick<InboundMessage, 'userName'>, result?: Pick<TurnResult, 'slots'>): void {
    const id = conversationId(key);
    const stored = this.options.store.load(key);
    const handover = stored?.state.handedOver;
    if (!stored || !handover) return;
    const info = (stored.state.conversation ?? {}) as { clientId?: string; phone?: string; name?: string };
    const slots = stored.state.slots ?? {};
    const summary = staffSummary(this.options.texts, {
      channel: key.channel,
      reason: handover.reason,
      guestName: textOf(slots.guest_name) ?? this.channelName(key, info.name ?? message?.userName),
      clientId: textOf(slots.client_id) ?? info.clientId,
      phone: textOf(slots.phone) ?? info.phone,
      ticketId: textOf(result?.slots.ticket) ?? this.latestTicket(id),
      messages: this.options.store.messages(id, { last: SUMMARY_MESSAGES }),
    });
    const posted = this.options.db.transaction(() => {
      if (!this.summaries.add(id, handover.at, this.options.clock())) return false;
      this.post(key, summary);
      return true;
    }).immediate();
    if (posted) this.log.info('staff.handover.posted', { conversation: id, reason: handover.reason });
  }

  /**
   * Announces the handovers staff were never told about: a process that died after the engine saved a
   * handover turn but before its summary was queued. Call once at start, after the inbox is drained.
   * Returns how many summaries it queued.
   */
  postMissingSummaries(): number {
    let posted = 0;
    for (const conversation of this.options.store.list({ handedOver: true })) {
      const handover = conversation.state.handedOver;
      if (!handover || this.summaries.has(conversation.id, handover.at)) continue;
      this.handedOver({ channel: conversation.channel, userId: conversation.userId });
      posted++;
    }
    if (posted > 0) this.log.warn('staff.handover.recovered', { summaries: posted });
    return posted;
  }

  /** Posts a message the guest wrote while staff have the conversation, in its thread. */
  guestWrote(key: ConversationKey, message: InboundMessage): void {
    const stored = this.options.store.load(key);
    const info = (stored?.state.conversation ?? {}) as { name?: string };
    const guestName = textOf(stored?.state.slots.guest_name) ?? this.channelName(key, info.name ?? message.userName);
    this.post(key, staffGuestMessage(this.options.texts, { channel: key.channel, guestName, text: message.text, attachments: message.attachments }));
  }

  /** The name the channel gave, marked unverified when only the guest's own client says so. */
  private channelName(key: ConversationKey, name: string | undefined): string | undefined {
    if (name === undefined || !this.options.unverifiedNameChannels?.includes(key.channel)) return name;
    return fillStaffText(this.options.texts.unverified_name, { name });
  }

  /**
   * A message in the staff chat. A reply to a message of a conversation's thread goes to that guest;
   * `/bot` in reply gives the conversation back to the assistant; from someone not in `staffUserIds`
   * (when set), either is refused with a note in the thread. Anything else is left alone. A redelivered
   * update is handled once.
   */
  onStaffMessage(message: TelegramBot.Message): void {
    const chatId = String(message.chat.id);
    const repliedTo = message.reply_to_message?.message_id;
    if (repliedTo === undefined) {
      this.log.debug('staff.message.ignored', { reason: 'not a reply' });
      return;
    }
    const conversation = this.options.threads.conversationOf(chatId, String(repliedTo));
    if (!conversation) {
      this.log.info('staff.reply.unknown_thread', { repliedTo });
      return;
    }
    const key = parseConversationId(conversation);
    const written: unknown = message.text ?? message.caption;
    const text = typeof written === 'string' ? written.trim() : '';
    const sender = senderOf(message);
    this.options.db.transaction(() => {
      if (!this.options.threads.remember(chatId, String(message.message_id), conversation, 'staff', this.options.clock())) {
        this.log.info('staff.reply.duplicate', { conversation, messageId: message.message_id });
        return;
      }
      if (!this.mayAnswer(sender)) {
        this.post(key, staffNote(this.options.texts, 'not_allowed'));
        this.log.warn('staff.command.refused', { conversation, userId: sender ?? null, command: isBotCommand(text) ? 'bot' : 'reply', messageId: message.message_id });
      } else if (!text) {
        this.post(key, staffNote(this.options.texts, 'text_only'));
      } else if (isBotCommand(text)) {
        this.release(key);
      } else {
        this.options.deliver(key, [{ text, buttons: [] }]);
        // In the conversation log too: what the guest was told belongs to the conversation (exports, the LLM's context).
        this.options.store.logOutOfTurn(key, [{ direction: 'out', text, meta: { from: 'staff', staffMessageId: message.message_id } }]);
        this.log.info('staff.reply.relayed', { conversation });
      }
    }).immediate();
  }

  /** True when the allow-list is unset, or lists the sender. */
  private mayAnswer(sender: string | undefined): boolean {
    const allowed = this.options.staffUserIds;
    return allowed === undefined || (sender !== undefined && allowed.includes(sender));
  }

  /** Gives the conversation back to the assistant and tells the guest and the staff chat. */
  private release(key: ConversationKey): void {
    const handedOver = this.options.store.load(key)?.state.handedOver ?? null;
    if (handedOver) {
      this.options.store.setHandedOver(key, null);
      const ended = this.options.respond(HANDOVER_ENDED);
      this.options.deliver(key, [ended]);
      this.options.store.logOutOfTurn(key, [{ direction: 'out', text: ended.text, buttons: ended.buttons, response: HANDOVER_ENDED, meta: { from: 'staff' } }]);
      this.log.info('staff.handover.released', { conversation: conversationId(key) });
    }
    this.post(key, staffNote(this.options.texts, handedOver ? 'released' : 'already_with_assistant'));
  }

  private post(key: ConversationKey, reply: Reply): void {
    this.options.deliver({ channel: STAFF_CHANNEL, userId: conversationId(key) }, [reply]);
  }

  /** The newest complaint ticket among the conversation's recent turns. */
  private latestTicket(id: string): string | undefined {
    const turns = this.options.store.turns(id, { last: 20 });
    for (let i = turns.length - 1; i >= 0; i--) {
      const ticket = textOf(turns[i].slots.ticket);
      if (ticket) return ticket;
    }
    return undefined;
  }
}

/** The Telegram user id of who wrote a message, when it has one. */
function senderOf(message: TelegramBot.Message): string | undefined {
  const id: unknown = message.from?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : undefined;
}

/** `/bot` or `/bot@MadamCocoBot`, alone. */
function isBotCommand(text: string): boolean {
  return /^\/bot(?:@\w+)?$/i.test(text.trim());
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

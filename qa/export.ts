/**
 * Recording: a conversation logged in the store becomes a transcript case — each turn a step with the
 * guest's message or pressed button and what the assistant did (intent, replies, the awaited slot),
 * phones and names masked (see `mask.ts`), and the CRM state the conversation saw (the client, the
 * bookings it listed, the visit it found) as fixtures, so the case replays on a fresh demo CRM.
 */
import { Document, isMap, isSeq, type Node, type YAMLSeq } from 'yaml';
import type { Booking, SlotOffer } from '../crm';
import { chosenOffer } from '../actions';
import { ConversationNotFoundError, parseConversationId, type ConversationStore, type LoggedMessage, type LoggedTurn } from '../core';
import { Masker } from './mask';

export interface ExportOptions {
  /** The case name; default: `recorded <channel> conversation of <date>`. */
  name?: string;
  /** Default `[recorded]`. */
  tags?: string[];
  /** The salon's offset from UTC in minutes, for `now` (default 180: Moscow). */
  offsetMinutes?: number;
  /** Names the assistant itself says that must stay (the masters'): `['Ольга Смирнова', …]`. */
  keepNames?: string[];
}

/** Responses that mean the complaint flow asked about the visit (so history did not prefill it). */
const VISIT_QUESTIONS = ['ask_complaint_branch', 'ask_visit_date', 'ask_complaint_master', 'ask_complaint_service'];
/** Responses after which the guest typed a phone to be found (so the channel did not know them). */
const PHONE_QUESTIONS = ['ask_phone_identify', 'client_not_found', 'ask_phone'];
/** How many days before the conversation a "last visit" is placed when the log does not say. */
const LAST_VISIT_DAYS_AGO = 14;

/**
 * The transcript of a logged conversation, as the text of a transcript file with one case.
 *
 * @throws {ConversationNotFoundError} when the store has no message of this conversation.
 * @example exportTranscript(assistant.store, 'telegram:1001', { keepNames: masterNames })
 * // "# Recorded from telegram:… …\ncases:\n  - name: recorded telegram conversation of 2026-11-24\n …"
 */
export function exportTranscript(store: ConversationStore, conversationId: string, options: ExportOptions = {}): string {
  const messages = store.messages(conversationId);
  if (messages.length === 0) throw new ConversationNotFoundError(conversationId);
  const turns = new Map(store.turns(conversationId).map((t) => [t.turn, t]));
  const key = parseConversationId(conversationId);
  const state = store.load(key)?.state;
  const conversation = (state?.conversation ?? {}) as { name?: string };
  const offset = options.offsetMinutes ?? 180;

  const exchanges = groupByTurn(messages).map((group) => ({ ...group, outcome: turns.get(group.turn) }));
  const allSlots = exchanges.map((e) => e.outcome?.slots ?? {});
  const said = exchanges.flatMap((e) => e.replies.map((r) => r.response ?? ''));

  const mask = new Masker({ keep: options.keepNames });
  if (conversation.name) mask.addName(conversation.name);
  // Names the NLU spotted in any message (also outside the name question) when written as names — it
  // also reads «любой» as «Люба» — and the names the slots kept.
  for (const message of messages) {
    for (const entity of message.parse?.entities ?? []) {
      if (entity.entity === 'guest_name' && typeof entity.value === 'string' && /^\p{Lu}/u.test(entity.text ?? '')) mask.addName(entity.value);
    }
  }
  for (const slots of allSlots) {
    if (typeof slots.guest_name === 'string') mask.addName(slots.guest_name);
    for (const booking of bookingsIn(slots)) mask.addName(booking.guestName);
  }

  const now = localIso(Date.parse(exchanges[0].inbound?.at ?? messages[0].at), offset);
  const fixtures = fixturesOf(allSlots, said, exchanges, mask, now);
  const guest: Record<string, unknown> = { channel: key.channel, user: 'recorded' };
  if (conversation.name) guest.name = mask.name(conversation.name);
  if (fixtures.linkedPhone) guest.phone = fixtures.linkedPhone;

  let previousButtons: Array<{ title: string; payload: string }> = [];
  const steps: Array<Record<string, unknown>> = [];
  for (const exchange of exchanges) {
    const step = stepOf(exchange, previousButtons, mask);
    if (!step) continue;
    steps.push(step);
    previousButtons = exchange.replies.flatMap((r) => r.buttons ?? []);
  }
  const crm = crmChecks(exchanges, mask);
  if (crm) steps.push({ crm });

  const testCase: Record<string, unknown> = {
    name: options.name ?? `recorded ${key.channel} conversation of ${now.slice(0, 10)}`,
    tags: options.tags ?? ['recorded'],
    now,
    guest,
    ...(fixtures.clients.length + fixtures.bookings.length + fixtures.visits.length > 0 && {
      fixtures: {
        ...(fixtures.clients.length && { clients: fixtures.clients }),
        ...(fixtures.bookings.length && { bookings: fixtures.bookings }),
        ...(fixtures.visits.length && { visits: fixtures.visits }),
      },
    }),
    steps,
  };
  const doc = new Document({ cases: [testCase] }, { aliasDuplicateObjects: false });
  flowStyle(doc.get('cases', true) as Node, 'cases');
  doc.commentBefore = ` Recorded with \`coco transcript export\` (${turns.size} turns); phones and names are masked.\n Review it, rename the case, and keep only the expectations that matter.`;
  return doc.toString({ lineWidth: 0 });
}

interface Exchange {
  turn: number;
  inbound?: LoggedMessage;
  replies: LoggedMessage[];
  outcome?: LoggedTurn;
}

function groupByTurn(messages: LoggedMessage[]): Exchange[] {
  const byTurn = new Map<number, Exchange>();
  for (const message of messages) {
    const exchange = byTurn.get(message.turn) ?? { turn: message.turn, replies: [] };
    if (message.direction === 'in') exchange.inbound ??= message;
    else exchange.replies.push(message);
    byTurn.set(message.turn, exchange);
  }
  return [...byTurn.values()].filter((e) => e.inbound).sort((a, b) => a.turn - b.turn);
}

function stepOf(exchange: Exchange, previousButtons: Array<{ title: string; payload: string }>, mask: Masker): Record<string, unknown> | undefined {
  const inbound = exchange.inbound!;
  const step: Record<string, unknown> = {};
  const photo = inbound.attachments?.find((a) => a.fileId || a.url);
  if (inbound.payload && !inbound.text) {
    // A title reads better than a payload and survives other booking ids on replay.
    const titled = previousButtons.filter((b) => b.payload === inbound.payload);
    const sameTitle = previousButtons.filter((b) => titled[0] && b.title === titled[0].title);
    // Titles are the catalog's words (times, masters, services), never the guest's: not masked.
    step.button = titled.length && sameTitle.length === 1 ? titled[0].title : mask.text(inbound.payload);
  } else if (inbound.text !== undefined && inbound.text !== '') {
    step.user = mask.text(inbound.text);
    // A masked message may be understood otherwise («Алиса Иванова» is not «Ирина Смолина»): no intent then.
    if (inbound.parse?.intent && step.user === inbound.text) step.intent = inbound.parse.intent.name;
  } else if (photo) {
    step.photo = photo.fileId ?? photo.url;
  } else {
    step.user = '';
  }
  if (photo && step.user !== undefined && step.user !== '') step.photo = photo.fileId ?? photo.url;
  const texts = exchange.replies.map((r) => mask.text(r.text ?? ''));
  if (texts.length === 0) step.silent = true;
  else step.bot = texts.length === 1 ? texts[0] : texts;
  const events = (exchange.outcome?.meta?.events ?? []) as Array<{ type: string; flow?: string }>;
  const started = events.filter((e) => e.type === 'flow_started').map((e) => e.flow!);
  if (started.length) step.flow_started = started.length === 1 ? started[0] : started;
  if (exchange.outcome?.awaiting) step.awaiting = exchange.outcome.awaiting;
  if (exchange.outcome?.handedOver && events.some((e) => e.type === 'handover')) step.handed_over = true;
  return step;
}

interface Fixtures {
  clients: Array<{ name: string; phone: string }>;
  bookings: Array<Record<string, unknown>>;
  visits: Array<Record<string, unknown>>;
  /** The masked phone of a client the channel already knew (the guest never typed it). */
  linkedPhone?: string;
}

/** The CRM state the conversation saw, masked: the identified client, its listed bookings, the visit found. */
function fixturesOf(allSlots: Array<Record<string, unknown>>, said: string[], exchanges: Exchange[], mask: Masker, now: string): Fixtures {
  const fixtures: Fixtures = { clients: [], bookings: [], visits: [] };
  const identified = allSlots.find((s) => typeof s.client === 'string' && typeof s.phone === 'string');
  if (!identified) return fixtures;
  const realPhone = identified.phone as string;
  const phone = mask.phone(realPhone);
  const seen = new Map<string, Booking>();
  for (const slots of allSlots) for (const b of bookingsIn(slots)) if (b.phone === realPhone && b.status === 'booked') seen.set(b.id, b);
  const known = [...seen.values()][0]?.guestName ?? allSlots.map((s) => s.guest_name).find((n): n is string => typeof n === 'string');
  // The log may not say the client's name: a neutral one then (only the phone finds a client).
  const guestName = known ? mask.name(known) : 'Гостья';
  fixtures.clients.push({ name: guestName, phone });
  for (const b of seen.values()) {
    fixtures.bookings.push({ services: b.services, master: b.master, branch: b.branch, start: b.start, phone, guestName: mask.name(b.guestName) });
  }
  // A client the channel knew: the guest never typed the phone.
  const typed = exchanges.some((e) => e.inbound?.text && e.inbound.text.replace(/\D/g, '').endsWith(realPhone.slice(-10)));
  const asked = said.some((key) => PHONE_QUESTIONS.includes(key));
  if (!typed || !asked) fixtures.linkedPhone = phone;

  // The visit history the assistant used: "как в прошлый раз", or a complaint it prefilled.
  const visitOf = (slots: Record<string, unknown>, start: string) =>
    Array.isArray(slots.service) && typeof slots.master === 'string' && slots.master !== 'any'
      ? { services: slots.service, master: slots.master, ...(typeof slots.branch === 'string' && { branch: slots.branch }), start, phone, guestName }
      : undefined;
  if (said.includes('repeat_last_found')) {
    const slots = allSlots.find((s) => Array.isArray(s.service) && typeof s.master === 'string');
    const visit = slots && visitOf(slots, shiftDays(now, -LAST_VISIT_DAYS_AGO, '12:00'));
    if (visit) fixtures.visits.push(visit);
  }
  if (said.includes('complaint_sorry') && !said.some((key) => VISIT_QUESTIONS.includes(key))) {
    const slots = allSlots.find((s) => (s.visit_date as { windows?: Array<{ from: string }> } | undefined)?.windows?.length);
    const from = (slots?.visit_date as { windows: Array<{ from: string }> } | undefined)?.windows[0].from;
    const visit = slots && from && visitOf(slots, `${from.slice(0, 10)}T12:00:00${now.slice(19)}`);
    if (visit) fixtures.visits.push(visit);
  }
  return fixtures;
}

/** What the CRM must hold at the end: the booking made, the booking cancelled. */
function crmChecks(exchanges: Exchange[], mask: Masker): Record<string, unknown> | undefined {
  const crm: Record<string, unknown> = {};
  for (const exchange of exchanges) {
    const slots = exchange.outcome?.slots ?? {};
    const events = (exchange.outcome?.meta?.events ?? []) as Array<{ type: string; action?: string; ok?: boolean }>;
    const done = (action: string) => events.some((e) => e.type === 'action' && e.action === action && e.ok);
    if (done('createBooking') && typeof slots.created_booking === 'string') {
      const offer = chosenOffer(slots) as SlotOffer | undefined;
      if (offer) {
        crm.booking_exists = {
          services: offer.services, branch: offer.branch, master: offer.master, start: offer.start,
          ...(typeof slots.guest_name === 'string' && { guestName: mask.name(slots.guest_name) }),
          ...(typeof slots.phone === 'string' && { phone: mask.phone(slots.phone) }),
        };
      }
    }
    if (done('cancelBooking')) {
      const booking = bookingsIn(slots).find((b) => b.id === slots.booking);
      if (booking) crm.booking_cancelled = { services: booking.services, start: booking.start, phone: mask.phone(booking.phone) };
    }
  }
  return Object.keys(crm).length ? crm : undefined;
}

function bookingsIn(slots: Record<string, unknown>): Booking[] {
  return Array.isArray(slots.upcoming) ? (slots.upcoming as Booking[]).filter((b) => typeof b?.id === 'string' && typeof b.guestName === 'string') : [];
}

/**
 * Short maps and lists of plain values written inline (`guest: { channel: telegram, … }`), as people
 * write transcripts; cases and steps stay block maps: they read like the chat.
 */
function flowStyle(node: Node | null | undefined, parentKey = ''): void {
  const short = (n: Node, max: number) => JSON.stringify(n.toJSON()).length <= max;
  if (isSeq(node)) {
    const plain = node.items.every((i) => !isMap(i) && !isSeq(i) && !String((i as { value?: unknown }).value ?? '').includes('\n'));
    if (parentKey !== 'steps' && parentKey !== 'bot' && plain && short(node, 120)) node.flow = true;
    for (const item of node.items) flowStyle(item as Node, parentKey === 'steps' ? 'step' : parentKey === 'cases' ? 'case' : `${parentKey}[]`);
  } else if (isMap(node)) {
    const block = ['', 'case', 'step', 'fixtures', 'crm'].includes(parentKey);
    const plain = node.items.every((pair) => !isMap(pair.value) && !(isSeq(pair.value) && (pair.value as YAMLSeq).items.some((i) => isMap(i) || isSeq(i))));
    if (!block && plain && short(node, 200)) node.flow = true;
    for (const pair of node.items) flowStyle(pair.value as Node, String((pair.key as { value?: unknown })?.value ?? pair.key));
  }
}

/** An ISO time at the salon's offset: `2026-11-24T12:00:00+03:00`. */
function localIso(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The same offset, `days` later, at a local time. */
function shiftDays(iso: string, days: number, time: string): string {
  const date = new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return `${date}T${time}:00${iso.slice(19)}`;
}

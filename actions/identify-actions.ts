/**
 * Knowing who the guest is: a channel user the CRM already links to a client, a phone the channel
 * vouches for, or a typed phone verified by a one-time code (see `identity-check.ts`). Only a verified
 * identity links the channel user to the client.
 */
import type { Booking, Client } from '../crm';
import type { ActionResult, ConversationInfo, FlowAction, FlowInput } from '../core';
import type { SalonContext } from './deps';
import { formatServiceNames } from '../salon';
import { challengeFor, challengeSlot, codeMatches, randomIdentityCode } from './identity-check';
import { textSlot } from './read-slots';

/** The slots and conversation facts of an identified client. */
export function identified(client: Client): ActionResult {
  return {
    slots: { client: client.id, phone: client.phone },
    conversation: { clientId: client.id, phone: client.phone },
  };
}

/** The client the flow already knows: the `client` slot, else the conversation's. */
export function clientOf(input: Pick<FlowInput, 'slots' | 'conversation'>): string | undefined {
  return textSlot(input.slots, 'client') ?? input.conversation.clientId;
}

/**
 * The client behind a conversation, by a verified identity only: the client linked to the channel user,
 * else the client of the phone the channel vouches for (WhatsApp's sender, a Telegram contact of her
 * own) — then linked to the user, so the next visit is recognised. A typed phone is never enough.
 */
export async function knownClient(context: SalonContext, conversation: Readonly<ConversationInfo>): Promise<Client | undefined> {
  const { crm } = context;
  const linked = await crm.findClientByUser(conversation.channel, conversation.userId);
  if (linked) return linked;
  const client = conversation.verifiedPhone ? await crm.findClientByPhone(conversation.verifiedPhone) : undefined;
  if (client) await crm.linkClientUser(client.id, conversation.channel, conversation.userId);
  return client;
}

/**
 * The identification actions the flows name, by name. A typed phone of a known client is a claim
 * (`claimed_client`): it is verified by a one-time code sent to one of her verified channels
 * (`sendIdentityCode`, then the guest types it: `confirmIdentity`), and only then is she `client`.
 *
 * @example await createIdentifyActions(context).identifyByPhone({ slots: { phone: '+79990000001' }, … })
 * // { slots: { claimed_client: 'C1' } }  (a stranger's session: the number is only claimed)
 */
export function createIdentifyActions(context: SalonContext): Record<string, FlowAction> {
  return {
    /** The client by a verified identity of this channel user; nothing when there is none. */
    identifyByChannel: async ({ conversation }) => {
      const client = await knownClient(context, conversation);
      return client ? identified(client) : {};
    },

    /**
     * The client of the phone the guest typed. The channel's own verified number identifies her (and
     * links the user); any other known number is only `claimed_client`; an unknown one gives nothing
     * (the flow asks again).
     */
    identifyByPhone: async ({ slots, conversation }) => {
      const phone = textSlot(slots, 'phone');
      const client = phone ? await context.crm.findClientByPhone(phone) : undefined;
      if (!client) return {};
      if (conversation.verifiedPhone !== client.phone) return { slots: { claimed_client: client.id } };
      await context.crm.linkClientUser(client.id, conversation.channel, conversation.userId);
      return identified(client);
    },

    /**
     * Sends a one-time code to a verified channel of the claimed client (`identity_challenge` keeps its
     * salted hash); nothing when no channel can take it, and the claim stays unverified.
     */
    sendIdentityCode: async ({ slots, conversation }) => {
      const claimed = textSlot(slots, 'claimed_client');
      const courier = context.identity?.courier;
      const client = claimed && courier ? await context.crm.findClientByPhone(textSlot(slots, 'phone') ?? '') : undefined;
      if (!client || client.id !== claimed || !courier) return {};
      const code = (context.identity?.newCode ?? randomIdentityCode)();
      const sent = await courier.sendCode(client, code, { channel: conversation.channel, userId: conversation.userId });
      return sent ? { slots: { identity_challenge: challengeFor(client.id, code, context.clock()) } } : {};
    },

    /** The code matched (the `identityCodeMatches` guard): the claimed client is the guest, linked to this user. */
    confirmIdentity: async ({ slots, conversation }) => {
      const challenge = challengeSlot(slots);
      if (!challenge || !codeMatches(challenge, slots.identity_code, context.clock())) return {};
      const client = await context.crm.findClientByPhone(textSlot(slots, 'phone') ?? '');
      if (!client || client.id !== challenge.client) return {};
      await context.crm.linkClientUser(client.id, conversation.channel, conversation.userId);
      const result = identified(client);
      return { ...result, slots: { ...result.slots, claimed_client: undefined, identity_challenge: undefined, identity_code: undefined } };
    },

    /**
     * What a guest whose phone could not be verified may see of the claimed client's upcoming bookings:
     * day, time and service, no names, masters or prices («запись на 26.11 в 15:00, маникюр»).
     */
    describeClaimedBookings: async ({ slots }) => {
      const claimed = textSlot(slots, 'claimed_client');
      const upcoming = claimed ? await context.crm.upcomingBookings(claimed) : [];
      if (upcoming.length === 0) return { say: [{ response: 'identity_unverified_no_bookings' }] };
      const bookings = upcoming.map((b) => maskedBooking(b, context)).join('\n');
      return { say: [{ response: 'identity_unverified_bookings', vars: { bookings } }] };
    },
  };
}

/** «запись на 26.11 в 15:00, маникюр с покрытием гель-лак» */
function maskedBooking(booking: Booking, context: SalonContext): string {
  const local = context.calendar.iso(Date.parse(booking.start));
  return `запись на ${local.slice(8, 10)}.${local.slice(5, 7)} в ${local.slice(11, 16)}, ${formatServiceNames(booking.services, context.catalog)}`;
}

/**
 * Knowing who the guest is: a channel user the CRM already links to a client, else the client of the
 * phone the guest gives (and the link is remembered for next time).
 */
import type { Client } from '../crm';
import type { ActionResult, ConversationInfo, FlowAction, FlowInput } from '../flows';
import type { SalonContext } from './deps';
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
 * The client behind a conversation: the one linked to the channel user, else the one of a phone the
 * conversation (or the flow) already has — then linked to the user, so the next visit is recognised.
 */
export async function knownClient(context: SalonContext, conversation: Readonly<ConversationInfo>, phone?: string): Promise<Client | undefined> {
  const { crm } = context;
  const linked = await crm.findClientByUser(conversation.channel, conversation.userId);
  if (linked) return linked;
  const known = phone ?? conversation.phone;
  const client = known ? await crm.findClientByPhone(known) : undefined;
  if (client) await crm.linkClientUser(client.id, conversation.channel, conversation.userId);
  return client;
}

/**
 * The identification actions the flows name, by name.
 *
 * @example await createIdentifyActions(context).identifyByPhone({ slots: { phone: '+79990000001' }, … })
 * // { slots: { client: 'C1', phone: '+79990000001' }, conversation: { clientId: 'C1', phone: '+79990000001' } }
 */
export function createIdentifyActions(context: SalonContext): Record<string, FlowAction> {
  return {
    /** The client linked to this channel user, or of a phone the flow or the conversation has; nothing when unknown. */
    identifyByChannel: async ({ slots, conversation }) => {
      const client = await knownClient(context, conversation, textSlot(slots, 'phone'));
      return client ? identified(client) : {};
    },

    /** The client of the phone the guest gave (and the link to this channel user); nothing when unknown (the flow asks again). */
    identifyByPhone: async ({ slots, conversation }) => {
      const phone = textSlot(slots, 'phone');
      const client = phone ? await context.crm.findClientByPhone(phone) : undefined;
      if (!client) return {};
      await context.crm.linkClientUser(client.id, conversation.channel, conversation.userId);
      return identified(client);
    },
  };
}

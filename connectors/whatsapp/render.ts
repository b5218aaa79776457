/**
 * Renders one assistant reply into WhatsApp message objects (the `type` and its content; the sender adds
 * `messaging_product` and `to`): text; up to three short choices as reply buttons; more, or longer
 * titles, as list messages of at most ten rows. Pure.
 */
import { BUTTON_TITLE_LIMITS, type Button, type Reply } from '../../common';
import { encodePayload, splitText, type PayloadTable } from '../messaging';

/** WhatsApp's limits (Cloud API reference, "interactive object"). */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  replyButtons: 3,
  buttonTitle: BUTTON_TITLE_LIMITS.whatsapp,
  buttonId: 256,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  listButton: 20,
} as const;

/** A message object of the Cloud API, without `messaging_product` and `to`. */
export type WhatsAppMessageBody =
  | { type: 'text'; text: { body: string; preview_url: boolean } }
  | { type: 'interactive'; interactive: InteractiveButtons | InteractiveList }
  | { type: 'template'; template: { name: string; language: { code: string }; components?: unknown[] } };

export interface InteractiveButtons {
  type: 'button';
  body: { text: string };
  action: { buttons: Array<{ type: 'reply'; reply: { id: string; title: string } }> };
}

export interface InteractiveList {
  type: 'list';
  body: { text: string };
  action: { button: string; sections: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }> };
}

export interface WhatsAppRenderOptions {
  payloads: PayloadTable;
  /** The title of the button that opens a list; default "Выбрать". */
  listButtonTitle?: string;
  /** The body of a list message that carries choices 11 and on; default "Ещё варианты". */
  moreChoicesText?: string;
}

/**
 * The messages for a reply, in sending order.
 *
 * @example
 * renderWhatsAppReply({ text: 'Записать?', buttons: [{ title: 'Да', payload: '/slot confirmed=true' }] }, { payloads })
 * // [{ type: 'interactive', interactive: { type: 'button', body: { text: 'Записать?' }, action: { buttons: [{ type: 'reply', reply: { id: '/slot confirmed=true', title: 'Да' } }] } } }]
 */
export function renderWhatsAppReply(reply: Reply, options: WhatsAppRenderOptions): WhatsAppMessageBody[] {
  const buttons = uniqueByPayload((reply.buttons ?? []).filter((b) => b && b.title && b.payload));
  const parts = splitText(reply.text ?? '', WHATSAPP_LIMITS.textBody);
  if (buttons.length === 0) return parts.map(textMessage);

  // The buttons' body has a lower limit: the text before it goes as plain messages.
  let body = parts.pop() ?? '';
  if (body.length > WHATSAPP_LIMITS.interactiveBody) {
    const tail = splitText(body, WHATSAPP_LIMITS.interactiveBody);
    body = tail.pop() ?? '';
    parts.push(...tail);
  }
  const messages: WhatsAppMessageBody[] = parts.map(textMessage);
  body ||= '…';

  const fitsButtons = buttons.length <= WHATSAPP_LIMITS.replyButtons && buttons.every((b) => length(b.title) <= WHATSAPP_LIMITS.buttonTitle);
  if (fitsButtons) {
    messages.push({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: body },
        action: {
          buttons: buttons.map((b) => ({ type: 'reply' as const, reply: { id: encodePayload(b.payload, options.payloads, WHATSAPP_LIMITS.buttonId), title: b.title } })),
        },
      },
    });
    return messages;
  }
  for (let i = 0; i < buttons.length; i += WHATSAPP_LIMITS.listRows) {
    const rows = buttons.slice(i, i + WHATSAPP_LIMITS.listRows).map((b) => listRow(b, options.payloads));
    messages.push({
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: i === 0 ? body : options.moreChoicesText ?? 'Ещё варианты' },
        action: { button: truncate(options.listButtonTitle ?? 'Выбрать', WHATSAPP_LIMITS.listButton), sections: [{ rows }] },
      },
    });
  }
  return messages;
}

function listRow(button: Button, payloads: PayloadTable): { id: string; title: string; description?: string } {
  const id = encodePayload(button.payload, payloads, WHATSAPP_LIMITS.rowId);
  if (length(button.title) <= WHATSAPP_LIMITS.rowTitle) return { id, title: button.title };
  // A long title is cut on the row; the description shows it whole.
  return { id, title: truncate(button.title, WHATSAPP_LIMITS.rowTitle), description: truncate(button.title, WHATSAPP_LIMITS.rowDescription) };
}

function textMessage(body: string): WhatsAppMessageBody {
  return { type: 'text', text: { body, preview_url: false } };
}

/** Row and button ids must be unique within a message. */
function uniqueByPayload(buttons: Button[]): Button[] {
  const seen = new Set<string>();
  return buttons.filter((b) => !seen.has(b.payload) && seen.add(b.payload));
}

function length(text: string): number {
  return Array.from(text).length;
}

/** At most `max` characters (code points), with "…" when cut. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

import type { Nlu, Entity, IntentScore } from '../../nlu';
import type { InboundMessage } from '../../common';

/** A button payload, parsed. */
export type Payload =
  | { kind: 'slot'; slot: string; value: unknown }
  | { kind: 'intent'; intent: string }
  | { kind: 'resume'; yes: boolean }
  /** The answer to «Отменить запись?». */
  | { kind: 'stop'; yes: boolean }
  | { kind: 'handover' };

/** What the guest said, as the dialogue manager needs it. */
export interface Understanding {
  text: string;
  intent: string;
  confidence: number;
  ranking: IntentScore[];
  entities: Entity[];
  payload?: Payload;
  /** True when the NLU was below its threshold and no payload decided. */
  lowConfidence: boolean;
}

/**
 * Parses a button payload: `/slot name=value` (value as JSON when it parses, else the text),
 * `/intent name`, `/resume yes|no`, `/stop yes|no`, `/handover`. Anything else is not a payload.
 */
export function parsePayload(raw: string | undefined): Payload | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  let match = /^\/slot ([a-z][a-z0-9_]*)=(.+)$/s.exec(text);
  if (match) return { kind: 'slot', slot: match[1], value: jsonOrText(match[2]) };
  match = /^\/intent ([a-z][a-z0-9_]*)$/.exec(text);
  if (match) return { kind: 'intent', intent: match[1] };
  match = /^\/resume (yes|no)$/.exec(text);
  if (match) return { kind: 'resume', yes: match[1] === 'yes' };
  match = /^\/stop (yes|no)$/.exec(text);
  if (match) return { kind: 'stop', yes: match[1] === 'yes' };
  if (text === '/handover') return { kind: 'handover' };
  return undefined;
}

/** What can be JSON: an object, array or string, a number, true, false or null. */
const MAYBE_JSON = /^(?:[[{"]|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$|true$|false$|null$)/;

function jsonOrText(value: string): unknown {
  // Most values are plain words or times (`tverskaya`, `2026-11-27T18:00:00+03:00@olga`): a failed
  // JSON.parse costs a thrown SyntaxError on every button press.
  if (!MAYBE_JSON.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Understands a message: a payload decides on its own; otherwise the NLU parses the text. */
export async function understand(nlu: Nlu, message: InboundMessage, now: Date): Promise<Understanding> {
  const payload = parsePayload(message.payload);
  // A payload that is not ours (a channel sending a button's title) is read as text.
  const text = message.text ?? (payload ? '' : (message.payload ?? ''));
  if (payload) {
    const intent = payload.kind === 'intent' ? payload.intent : payload.kind === 'handover' ? 'handover' : payload.kind === 'resume' || payload.kind === 'stop' ? (payload.yes ? 'affirm' : 'deny') : 'inform';
    return { text, intent, confidence: 1, ranking: [{ name: intent, confidence: 1 }], entities: text ? nlu.entities(text, now) : [], payload, lowConfidence: false };
  }
  const parsed = await nlu.parse(text, { now });
  const top = parsed.ranking[0];
  return {
    text,
    intent: parsed.intent.name,
    confidence: parsed.intent.confidence,
    ranking: parsed.ranking,
    entities: parsed.entities,
    lowConfidence: parsed.intent.name === 'nlu_fallback' || !top,
  };
}

import type { FlowDefinition, SlotCatalog, SlotDefinition } from '../flows';
import type { MessageAttachment } from '../store';
import type { Understanding } from './understand';

/** The slots a flow asks for or tests. */
export function slotsOfFlow(flow: FlowDefinition): Set<string> {
  const names = new Set<string>();
  for (const step of flow.steps) {
    if (step.kind === 'collect') names.add(step.slot);
    if (step.kind === 'if' && 'slot' in step.condition) names.add(step.condition.slot);
  }
  return names;
}

/**
 * The values a message gives for a flow's slots: entities for every slot of the flow, a pressed
 * button, and — for the awaited slot only — yes/no, enum words, free text or an attachment.
 * Pure: the dialogue manager decides what to do with them.
 */
export function slotValuesFor(
  flow: FlowDefinition,
  slots: SlotCatalog,
  understanding: Understanding,
  awaiting: string | null,
  attachments: MessageAttachment[] = [],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const { payload } = understanding;
  if (payload?.kind === 'slot') {
    const definition = slots.get(payload.slot);
    values[payload.slot] = definition?.type === 'list' && !Array.isArray(payload.value) ? [payload.value] : payload.value;
    return values;
  }
  for (const name of slotsOfFlow(flow)) {
    const definition = slots.get(name);
    if (!definition?.entity) continue;
    // A guess (a bare word that may be a name) fills only the slot being asked for.
    const value = entityValue(definition, understanding, name === awaiting ? 0 : UNASKED_MIN_CONFIDENCE);
    if (value !== undefined) values[name] = value;
  }
  if (awaiting && values[awaiting] === undefined) {
    const definition = slots.get(awaiting);
    const value = definition && awaitedValue(definition, understanding, attachments);
    if (value !== undefined) values[awaiting] = value;
  }
  return values;
}

/** Entities below this confidence do not fill slots that were not asked for. */
const UNASKED_MIN_CONFIDENCE = 0.7;

function entityValue(definition: SlotDefinition, understanding: Understanding, minConfidence: number): unknown {
  const found = understanding.entities.filter((e) => e.entity === definition.entity && (e.confidence ?? 1) >= minConfidence);
  if (!found.length) return undefined;
  if (definition.type === 'list') return [...new Set(found.map((e) => e.value))];
  return found[0].value;
}

/** Values only the awaited slot takes: yes/no, enum words, free text, an attachment. */
function awaitedValue(definition: SlotDefinition, understanding: Understanding, attachments: MessageAttachment[]): unknown {
  if (definition.type === 'boolean') {
    if (understanding.intent === 'affirm') return true;
    if (understanding.intent === 'deny') return false;
  }
  if (definition.values) {
    const word = enumValue(definition.values, understanding.text);
    if (word !== undefined) return word;
  }
  if (definition.fromAttachment && attachments.length) {
    const [first] = attachments;
    return first.fileId ?? first.url ?? first.name ?? first.type;
  }
  const text = understanding.text.trim();
  if (definition.fromText && text && !understanding.payload) return text;
  return undefined;
}

/** The enum value whose words occur in the text (lowercase, ё→е), longest word first. */
export function enumValue(values: Record<string, string[]>, text: string): string | undefined {
  const folded = ` ${text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const candidates = Object.entries(values).flatMap(([value, words]) => [value.replace(/_/g, ' '), ...words].map((w) => ({ value, word: w.toLowerCase().replace(/ё/g, 'е') })));
  candidates.sort((a, b) => b.word.length - a.word.length);
  return candidates.find((c) => folded.includes(` ${c.word} `) || (c.word.length >= 5 && folded.includes(` ${c.word}`)))?.value;
}

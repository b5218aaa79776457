import type { CatalogEntity, Entity, WhenValue } from '../../nlu';
import type { FlowDefinition, SlotCatalog, SlotDefinition, SlotPicker } from '../flow-machines';
import type { MessageAttachment } from '../../common';
import { awaitedValue, editedList, enumValue, hasLetters, leftover, refinedWhen, withoutDenied } from './slots';
import type { Understanding } from './understand';

/** The slots a flow asks for or tests, and those it `takes`. */
export function slotsOfFlow(flow: FlowDefinition): Set<string> {
  const names = new Set<string>(flow.takes?.slots ?? []);
  for (const step of flow.steps) {
    if (step.kind === 'collect') names.add(step.slot);
    if (step.kind === 'if' && 'slot' in step.condition) names.add(step.condition.slot);
  }
  return names;
}

/** What `slotValuesFor` needs besides the message. */
export interface SlotValueOptions {
  /** The slot the flow waits for, or null (a flow being started). */
  awaiting: string | null;
  attachments?: MessageAttachment[];
  /** The flow's slots now: a bare first name does not change a chosen person (a `person` slot). */
  current?: Readonly<Record<string, unknown>>;
  /**
   * Whether the guest's text may stand in for the awaited slot's entity (a name the NLU did not
   * recognise). False when the message confidently means something else: a question, another request.
   * Default true.
   */
  freeText?: boolean;
  /** The registry's slot pickers, for slots declared with `picked_by`. */
  pickers?: Readonly<Record<string, SlotPicker>>;
}

/**
 * The values a message gives for a flow's slots: entities for every slot of the flow (and phrases
 * that mean a value anywhere, `values_anywhere`), a pressed button, and — for the awaited slot only —
 * yes/no, enum words, free text or an attachment. Pure: the dialogue manager decides what to do with them.
 *
 * A slot with a picker (`picked_by`) is read first: when the message names one of the flow's items (a
 * booking, by its service and time), the entities that named it fill no other slot, so the booking's
 * own time in «перенесите маникюр 26.11 11:00» does not become the new time.
 *
 * Free text answers the awaited slot two ways. A slot without an entity (a complaint's description)
 * takes the message as it is: entities in a story are part of it. A slot with an entity (the guest's
 * name) takes the text the other slots' entities leave, short and with letters, so "Марина 8916…" gives
 * the name and the phone, and "а лучше в субботу" corrects the day instead of becoming a name.
 *
 * @example
 * slotValuesFor(booking, slots, understand('Ольга Иванова'), { awaiting: 'guest_name' }) // { guest_name: 'Ольга Иванова' }
 */
export function slotValuesFor(
  flow: FlowDefinition,
  slots: SlotCatalog,
  understanding: Understanding,
  options: SlotValueOptions,
): Record<string, unknown> {
  const { awaiting, attachments = [], freeText = true, current = {}, pickers = {} } = options;
  const values: Record<string, unknown> = {};
  const { payload } = understanding;
  if (payload?.kind === 'slot') {
    // A button fills only a slot of this flow that a guest may answer: never one the actions compute.
    const definition = slots.get(payload.slot);
    if (!definition || definition.computed || !slotsOfFlow(flow).has(payload.slot)) return values;
    values[payload.slot] = definition.type === 'list' && !Array.isArray(payload.value) ? [payload.value] : payload.value;
    return values;
  }
  const awaited = awaiting ? slots.get(awaiting) : undefined;
  const text = understanding.text.trim();
  if (awaiting && awaited?.pattern) {
    // A code, a number: the message is the answer when it is one, and gives nothing else either way.
    const compact = text.replace(/\s+/g, '');
    return awaited.pattern.test(compact) ? { [awaiting]: compact } : {};
  }
  if (awaiting && awaited?.fromText && !awaited.entity && text && hasLetters(text)) {
    // A story: the whole message is the answer, whatever it mentions.
    return { [awaiting]: text };
  }
  const used: Entity[] = [];
  const names = slotsOfFlow(flow);
  const picked = pickedValues(names, slots, understanding, pickers, awaiting, current);
  Object.assign(values, picked.values);
  used.push(...picked.entities);
  for (const name of names) {
    const definition = slots.get(name);
    if (!definition || name in picked.values) continue;
    // A guess fills only the slot being asked for. A bare first name ("Марина") neither changes a
    // chosen master nor counts as one while the guest's own name is asked: it is more likely theirs.
    const filled = current[name] !== undefined && current[name] !== null;
    const minConfidence = name === awaiting ? 0 : definition.person && (filled || awaited?.fromText) ? CUED_PERSON_CONFIDENCE : UNASKED_MIN_CONFIDENCE;
    // While the guest's own name is asked, «Ксения Орлова» is her name: only «к Орловой», «мастер Орлова» names a master.
    const mustBeCued = definition.person && name !== awaiting && awaited?.fromText === true;
    const found = definition.entity
      ? entitiesOf(definition, understanding, minConfidence).filter((e) => !picked.entities.includes(e) && (!mustBeCued || (e as Partial<CatalogEntity>).cued === true))
      : [];
    const value = found.length === 0 ? (definition.valuesAnywhere ? enumValue(definition.valuesAnywhere, text) : undefined)
      : definition.type === 'list' ? editedList(current[name], found, understanding.text)
      : withoutDenied(found, understanding.text)[0].value;
    if (value === undefined) continue;
    values[name] = definition.entity === 'when' ? refinedWhen(current[name], value as WhenValue) : value;
    if (name !== awaiting) used.push(...found);
  }
  if (awaiting && awaited && values[awaiting] === undefined) {
    // «ой нет, на тверской» at the photo question corrects the branch: its «нет» is not "no photo".
    const correcting = used.length > 0;
    const value = awaitedValue(awaited, flow, understanding, attachments, freeText ? leftover(understanding.text, used) : undefined, correcting);
    if (value !== undefined) values[awaiting] = value;
  } else if (awaiting && awaited?.fromText && freeText && typeof values[awaiting] === 'string') {
    // «Ксения Орлова»: the NLU's name is the first name; the short answer around it is the whole name.
    const whole = leftover(understanding.text, used);
    if (whole && whole.length > (values[awaiting] as string).length && whole.includes(values[awaiting] as string)) values[awaiting] = whole;
  }
  return values;
}

/**
 * The items the message names for slots with a picker, and the entities that named them. Naming the item
 * already chosen changes nothing and uses up nothing («перенесите маникюр на пятницу» while moving the manicure).
 */
function pickedValues(
  names: Iterable<string>,
  slots: SlotCatalog,
  understanding: Understanding,
  pickers: Readonly<Record<string, SlotPicker>>,
  awaiting: string | null,
  current: Readonly<Record<string, unknown>>,
): { values: Record<string, unknown>; entities: Entity[] } {
  const picked = { values: {} as Record<string, unknown>, entities: [] as Entity[] };
  if (understanding.entities.length === 0) return picked;
  for (const name of names) {
    const pickedBy = slots.get(name)?.pickedBy;
    const pick = pickedBy ? pickers[pickedBy.name]?.({ slots: current, entities: understanding.entities, awaited: name === awaiting }) : undefined;
    if (!pick || pick.value === current[name]) continue;
    picked.values[name] = pick.value;
    picked.entities.push(...pick.entities);
  }
  return picked;
}

/** Entities below this confidence do not fill slots that were not asked for. */
const UNASKED_MIN_CONFIDENCE = 0.7;
/** A person named with a cue ("к Ольге", "мастер Марина"); the NLU scores a bare first name lower. */
const CUED_PERSON_CONFIDENCE = 1;


function entitiesOf(definition: SlotDefinition, understanding: Understanding, minConfidence: number): Entity[] {
  return understanding.entities.filter((e) => e.entity === definition.entity && (e.confidence ?? 1) >= minConfidence);
}

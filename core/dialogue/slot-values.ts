import { foldForMatching, type CatalogEntity, type Entity } from '../../nlu';
import type { FlowDefinition, SlotCatalog, SlotDefinition, SlotPicker } from '../flow-machines';
import type { MessageAttachment } from '../../common';
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
    const value = found.length > 0 ? entityValue(definition, withoutDenied(found, understanding.text)) : definition.valuesAnywhere ? enumValue(definition.valuesAnywhere, text) : undefined;
    if (value === undefined) continue;
    values[name] = value;
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
/** Free text standing in for an entity is a short answer (a name), not a message about something else. */
const MAX_SHORT_ANSWER_WORDS = 4;
const MAX_SHORT_ANSWER_LENGTH = 60;

/**
 * Words that carry no answer of their own: what is left of "а лучше в субботу" or "нет, к Марине"
 * once the entities are taken out.
 */
const FILLER_WORDS = new Set([
  'а', 'и', 'но', 'да', 'нет', 'не', 'ну', 'ой', 'же', 'ли', 'бы', 'то', 'уж', 'вот', 'так', 'тогда', 'лучше', 'давайте', 'давай',
  'можно', 'пожалуйста', 'плиз', 'хочу', 'хотела', 'хотел', 'мне', 'нам', 'меня', 'в', 'во', 'на', 'к', 'ко', 'у', 'с', 'со', 'до',
  'после', 'от', 'по', 'за', 'из', 'о', 'об', 'или', 'тоже', 'еще', 'все', 'таки', 'точнее', 'вернее', 'наверное', 'пусть', 'это', 'все-таки',
  'мастер', 'мастеру', 'мастера', 'мастером', 'салон', 'салоне', 'салона', 'филиал', 'филиале', 'перенесите', 'запишите', 'поменяйте',
]);

function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** A word of a name: letters, maybe joined by a hyphen or an apostrophe ("Анна-Мария", "O'Neil"). */
const NAME_WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;

/**
 * The words of the text outside the entities used for other slots, without filler words, as the guest
 * wrote them; undefined unless that is a short answer of letter words. Russian typed in the Latin
 * layout ("pfdnhf dtxthjv") is not a name: the guest meant something else.
 */
function leftover(text: string, used: readonly Entity[]): string | undefined {
  let rest = text;
  for (const e of [...used].sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, e.start)} ${rest.slice(e.end)}`;
  const words = rest.split(/[\s,.;:!?()«»"…]+/u).filter((w) => w !== '' && !FILLER_WORDS.has(w.toLowerCase().replace(/ё/g, 'е')));
  const answer = words.join(' ');
  if (words.length === 0 || words.length > MAX_SHORT_ANSWER_WORDS || answer.length > MAX_SHORT_ANSWER_LENGTH) return undefined;
  if (!words.every((w) => NAME_WORD.test(w))) return undefined;
  const wrongLayout = /[a-z]/i.test(answer) && /[а-яё]/.test(foldForMatching(answer));
  return wrongLayout ? undefined : answer;
}

function entitiesOf(definition: SlotDefinition, understanding: Understanding, minConfidence: number): Entity[] {
  return understanding.entities.filter((e) => e.entity === definition.entity && (e.confidence ?? 1) >= minConfidence);
}

/** Sounds that only hold the floor. */
const HESITATIONS = new Set(['ну', 'так', 'хм', 'хмм', 'ээ', 'эээ', 'эм', 'мм', 'ммм', 'ой', 'эх', 'ага-а', 'секунду', 'сейчас', 'щас']);

/** A question back («а это точно?») or nothing but hesitation («ну», «так…»). */
function asksBackOrHesitates(text: string): boolean {
  return /\?\s*$/.test(text.trim()) || onlyHesitates(text);
}

/** Nothing but sounds that hold the floor («ой», «ну», «хм…»): no answer, and no «стоп» either. */
export function onlyHesitates(text: string): boolean {
  const words = text.trim().toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}-]+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => HESITATIONS.has(w));
}

/** Words that only say no: while another answer is being corrected they belong to the correction. */
const BARE_NO = new Set(['нет', 'нету', 'не']);

/** The message says «не»/«нет» or names a service, time, master or branch: it is not a plain "do it". */
function refusesOrNamesOther(understanding: Understanding): boolean {
  return understanding.entities.length > 0 || /(?:^|[^\p{L}])(?:не|нет)(?![\p{L}])/iu.test(understanding.text);
}

/** «не»/«нет» right before an entity, with at most a preposition between: «не на Тверской», «не Ольга». */
const DENIED_BEFORE = /(?:^|[^\p{L}])(?:не|нет)[\s,]+(?:(?:на|в|во|у|к|ко|с|со|за|по)\s+)?$/iu;

/**
 * The entities the guest does not deny: of «не на Тверской, а в Сити» only «Сити». When every one is denied
 * (or none is), all are kept: a lone «не в пятницу» is left to the flow.
 */
function withoutDenied(found: readonly Entity[], text: string): readonly Entity[] {
  if (found.length < 2) return found;
  const kept = found.filter((e) => !DENIED_BEFORE.test(text.slice(Math.max(0, e.start - 12), e.start)));
  return kept.length > 0 ? kept : found;
}

function entityValue(definition: SlotDefinition, found: readonly Entity[]): unknown {
  if (definition.type === 'list') return [...new Set(found.map((e) => e.value))];
  return found[0].value;
}

/** Values only the awaited slot takes: yes/no, enum words, an attachment, free text (`text`, when allowed). */
function awaitedValue(
  definition: SlotDefinition,
  flow: FlowDefinition,
  understanding: Understanding,
  attachments: MessageAttachment[],
  text: string | undefined,
  correcting: boolean,
): unknown {
  if (definition.type === 'boolean') {
    // «а это точно?», «ну», «так»: a question back or a hesitation is no answer; read as yes it would
    // create a booking, cancel one or add a paid service. The question is asked again.
    if (asksBackOrHesitates(understanding.text)) return undefined;
    if (understanding.intent === 'affirm') return true;
    // "Отменяем запись… Верно?" — "да, отменяйте": repeating the flow's own request is a yes; but not
    // "не эту, ресницы отмените": a refusal, or a request about something else, is no answer at all
    // (the question is asked again) — a yes there would cancel the booking the guest just refused.
    if (flow.startOn.includes(understanding.intent) && !refusesOrNamesOther(understanding)) return true;
    if (understanding.intent === 'deny') return false;
  }
  const word = enumMatch(awaitedWords(definition), understanding.text);
  if (word !== undefined && !(correcting && BARE_NO.has(word.word))) return word.value;
  if (definition.fromAttachment && attachments.length) {
    const [first] = attachments;
    return first.fileId ?? first.url ?? first.name ?? first.type;
  }
  if (definition.fromText && text && !understanding.payload) return text;
  return undefined;
}

/** The value word of an awaited slot the text says («не важно» → any master), or undefined. */
export function awaitedWord(definition: SlotDefinition, text: string): string | undefined {
  return enumMatch(awaitedWords(definition), text)?.word;
}

/** An awaited slot's words: its values' and the ones it takes anywhere (built once per slot definition). */
const awaitedWordsOf = new WeakMap<SlotDefinition, Record<string, string[]>>();
function awaitedWords(definition: SlotDefinition): Record<string, string[]> {
  let words = awaitedWordsOf.get(definition);
  if (!words) {
    words = { ...definition.values };
    for (const [value, phrases] of Object.entries(definition.valuesAnywhere ?? {})) words[value] = [...(words[value] ?? []), ...phrases];
    awaitedWordsOf.set(definition, words);
  }
  return words;
}

type Candidate = { value: string; word: string };
/** The words of an enum, folded and longest first (built once per word table: slot definitions live as long as the flows). */
const candidatesOf = new WeakMap<Record<string, string[]>, Candidate[]>();

/** The enum value whose words occur in the text (lowercase, ё→е), longest word first. */
export function enumValue(values: Record<string, string[]>, text: string): string | undefined {
  return enumMatch(values, text)?.value;
}

/** The enum value found in the text, with the word that means it. */
function enumMatch(values: Record<string, string[]>, text: string): Candidate | undefined {
  let candidates = candidatesOf.get(values);
  if (!candidates) {
    candidates = Object.entries(values).flatMap(([value, words]) => [value.replace(/_/g, ' '), ...words].map((w) => ({ value, word: w.toLowerCase().replace(/ё/g, 'е') })));
    candidates.sort((a, b) => b.word.length - a.word.length);
    candidatesOf.set(values, candidates);
  }
  if (candidates.length === 0) return undefined;
  const folded = ` ${foldWords(text)} `;
  return candidates.find((c) => folded.includes(` ${c.word} `) || (c.word.length >= 5 && folded.includes(` ${c.word}`)));
}

/** A text as value words are matched in it: lowercase, ё as е, anything but letters and digits a space. */
export function foldWords(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ');
}

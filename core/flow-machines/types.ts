/**
 * The flow language after parsing: what `flows/*.yaml` say, with every step given an id, its `next`
 * resolved and its line in the file kept for messages.
 */

/** A condition of an `if` step, or a collect step's validation. */
export type Condition =
  | { guard: string; params?: Record<string, unknown> }
  | { slot: string; equals: unknown }
  | { slot: string; filled: boolean };

interface StepBase {
  id: string;
  /** 1-based line of the step in its file. */
  line: number;
  /** The step that follows; `undefined` after the last step means the flow ends. */
  next?: string;
}

export interface CollectStep extends StepBase {
  kind: 'collect';
  slot: string;
  /** The response that asks for the slot. */
  ask: string;
  /** A button provider by name (TypeScript registry). */
  buttons?: string;
  /** A guard that accepts the slot's value. */
  validate?: { guard: string; params?: Record<string, unknown> };
  /** The response when the value is not accepted (then the question is asked again). */
  invalid?: string;
  /** Refusals that say why: the response of the first guard that holds on the refused value, instead of `invalid`. */
  invalidWhen: Array<{ guard: string; response: string }>;
  maxAttempts: number;
  /** Where to go after `maxAttempts` misses; default: give up politely and offer a human. */
  onMaxAttempts?: string;
  /** Ask even when the slot is already filled (e.g. a confirmation). */
  askBeforeFilling: boolean;
}

export interface ActionStep extends StepBase {
  kind: 'action';
  action: string;
  params: Record<string, unknown>;
  /** Where to go when the action fails; default: an apology and the end of the flow. */
  onError?: string;
}

export interface SayStep extends StepBase {
  kind: 'say';
  response: string;
}

export interface IfStep extends StepBase {
  kind: 'if';
  condition: Condition;
  then: string;
  /** Default: the next step. */
  else?: string;
}

export interface CallStep extends StepBase {
  kind: 'call';
  flow: string;
}

export interface LinkStep extends StepBase {
  kind: 'link';
  flow: string;
}

export interface EndStep extends StepBase {
  kind: 'end';
}

export type Step = CollectStep | ActionStep | SayStep | IfStep | CallStep | LinkStep | EndStep;
export type StepKind = Step['kind'];

/** One flow, as parsed from its file. */
export interface FlowDefinition {
  id: string;
  description?: string;
  /** Intents that start this flow. */
  startOn: string[];
  /** A short name for the guest after «к» (dative: "записи", "отмене записи"), used when offering to come back to an interrupted flow. */
  title?: string;
  /** A guard that must hold for the flow to be offered again after an interruption (its line in the file, for messages). */
  resumeIf?: { guard: string; line: number };
  /** Slots the flow takes from what the guest says besides those it asks («как в прошлый раз, только в сити»), and their line. */
  takes?: { slots: string[]; line: number };
  steps: Step[];
  file: string;
  line: number;
}

/** How a slot is filled and kept (flows/slots.yaml). */
export interface SlotDefinition {
  name: string;
  type: 'text' | 'id' | 'list' | 'when' | 'phone' | 'boolean' | 'enum' | 'any';
  /** The NLU entity that fills it. */
  entity?: string;
  /** The guest's free text fills it when it is awaited. */
  fromText: boolean;
  /**
   * The message that starts the flow fills it (as it is) when it tells at least this many words besides
   * the entities and greetings: «вчера на Тверской… через день покрытие отслоилось на трёх ногтях» is the
   * complaint's description; «у меня отошло покрытие» is not yet.
   */
  fromOpeningWords?: number;
  /** An attachment (photo) fills it. */
  fromAttachment: boolean;
  /** Enum values with the words that mean them when the slot is asked. */
  values?: Record<string, string[]>;
  /** Values with phrases that mean them in any message of the flow, like an entity ("к любому мастеру"). */
  valuesAnywhere?: Record<string, string[]>;
  /** Values with phrases that mean them in the message that starts the flow («запишите маму на …»: not her own name). */
  openingValues?: Record<string, string[]>;
  /** Cleared when the guest corrects an earlier slot (a choice that depended on it). */
  resetOnRewind: boolean;
  /**
   * The slot names a person (a master): a bare first name without a cue («Марина», not «к Марине») may
   * be the guest's own, so it fills the slot only when asked, or when empty while no name is asked.
   */
  person: boolean;
  /** A registered slot picker: the guest may name one of the flow's items in words (`picked_by`), and its line. */
  pickedBy?: { name: string; line: number };
  /**
   * Only the flows' actions set it (a client id, the upcoming bookings, a created booking's id): no
   * message, entity or button payload can, and no step may ask for it (`computed: true`).
   */
  computed: boolean;
  /**
   * When awaited, the guest's message (spaces removed) is the value if it matches this expression in
   * full, and nothing else is (`pattern: "\\d{6}"` for a one-time code).
   */
  pattern?: RegExp;
  /** The file that declares it (flows/slots.yaml). */
  file?: string;
  line: number;
}

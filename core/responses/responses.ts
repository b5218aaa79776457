/**
 * The loaded responses: look-up by key for the flow validator, and rendering for the dialogue engine.
 */
import { closest } from '../../common';
import { UnknownResponseError } from './errors';
import { chooseVariant, fillTemplate, type RenderOptions } from './render';
import type { Template } from './template';

/** A button as the assistant sends it. */
export interface ResponseButton {
  title: string;
  /** `/slot name=value`, `/intent name`, `/resume yes|no` or `/handover`. */
  payload: string;
}

/** One response as loaded: its variants as templates, where it is, and how it may be used. */
export interface ResponseEntry {
  key: string;
  /** 1-based line of the key in the file. */
  line: number;
  variants: Template[];
  /** True when the assistant may reword the text (an LLM rephraser); false keeps it word for word. */
  rephrase: boolean;
  buttons: Array<{ title: Template; payload: string }>;
}

/** What a response looks like, for validators and tools. */
export interface ResponseInfo {
  key: string;
  line: number;
  /** The variants as written in the file. */
  texts: string[];
  /** The variables any variant or button uses. */
  variables: string[];
  rephrase: boolean;
  buttons: Array<{ title: string; payload: string }>;
}

/** The assistant's texts by key, from `content/responses.yaml` (see `loadResponses`). */
export class Responses {
  constructor(
    /** The file they were loaded from, for messages. */
    readonly file: string,
    private readonly entries: ReadonlyMap<string, ResponseEntry>,
  ) {}

  /** True when the key is defined. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Every key, in file order. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The 1-based line of the key in the file, or undefined for an unknown key. */
  lineOf(key: string): number | undefined {
    return this.entries.get(key)?.line;
  }

  /**
   * A response as written: texts, variables, buttons.
   *
   * @throws {UnknownResponseError} for an unknown key.
   */
  get(key: string): ResponseInfo {
    const entry = this.entry(key);
    const templates = [...entry.variants, ...entry.buttons.map((b) => b.title)];
    return {
      key,
      line: entry.line,
      texts: entry.variants.map((t) => t.source),
      variables: [...new Set(templates.flatMap((t) => t.variables))],
      rephrase: entry.rephrase,
      buttons: entry.buttons.map((b) => ({ title: b.title.source, payload: b.payload })),
    };
  }

  /**
   * The text to say: a variant (see {@link RenderOptions.variant}) with its variables filled. A missing
   * variable renders as '' (the text around it tidied) and is reported to `onMissing`.
   *
   * @throws {UnknownResponseError} for an unknown key.
   * @example
   * responses.render('booking_confirmed', { guest_name: 'Анна', slot_time: 'пт, 27 ноября, 18:00', … });
   * responses.render('greet', {}, { variant: turn });
   */
  render(key: string, vars: Record<string, unknown> = {}, options: RenderOptions = {}): string {
    const entry = this.entry(key);
    return fillTemplate(chooseVariant(entry.variants, vars, options.variant), vars, key, options.onMissing);
  }

  /**
   * The response's own buttons (e.g. yes / no), titles filled as in {@link render}; [] when it has none.
   *
   * @throws {UnknownResponseError} for an unknown key.
   */
  buttons(key: string, vars: Record<string, unknown> = {}, options: Pick<RenderOptions, 'onMissing'> = {}): ResponseButton[] {
    return this.entry(key).buttons.map((b) => ({ title: fillTemplate(b.title, vars, key, options.onMissing), payload: b.payload }));
  }

  private entry(key: string): ResponseEntry {
    const entry = this.entries.get(key);
    if (!entry) throw new UnknownResponseError(key, closest(key, this.entries.keys()));
    return entry;
  }
}

/**
 * Rendering one response: choosing a variant and filling its variables. Pure: the same response,
 * values and variant number always give the same text.
 */
import type { Template } from './template';

/** Told about each variable the chosen variant uses but the values do not give. */
export type MissingVariableHandler = (variable: string, key: string) => void;

export interface RenderOptions {
  /**
   * Which variant to say when `text` is a list, e.g. the turn number: variant `n % count` of the
   * variants whose variables all have values (of all variants when none has). 0 by default.
   */
  variant?: number;
  /** Called once per variable that is used but has no value; the variable renders as ''. */
  onMissing?: MissingVariableHandler;
}

/**
 * A variable's display text, or undefined when it has none: values are strings or numbers; '', null,
 * undefined, NaN and objects count as missing (format them first with `salon/format`).
 */
export function displayValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'bigint') return String(value);
  return undefined;
}

/**
 * Picks the variant to say: among the variants whose variables all have values (or all of them when
 * none has), number `variant` modulo their count.
 *
 * @example
 * // With a name known, both variants take turns; without it only the second is said.
 * chooseVariant([withName, withoutName], { guest_name: 'Анна' }, 1); // withoutName
 * chooseVariant([withName, withoutName], {}, 0);                     // withoutName
 */
export function chooseVariant(variants: readonly Template[], vars: Record<string, unknown>, variant = 0): Template {
  const complete = variants.filter((t) => t.variables.every((name) => displayValue(vars[name]) !== undefined));
  const pool = complete.length > 0 ? complete : variants;
  const n = Math.trunc(Number.isFinite(variant) ? variant : 0);
  return pool[((n % pool.length) + pool.length) % pool.length];
}

// Marks where a missing variable was, so the text around it can be tidied.
const HOLE = '\u0000';

/**
 * Fills a template's variables. A missing one renders as '' and the text around it is tidied: no
 * empty quotes or brackets, no doubled spaces, no space or comma left before punctuation
 * ("Готово, {guest_name}!" without a name gives "Готово!").
 */
export function fillTemplate(template: Template, vars: Record<string, unknown>, key: string, onMissing?: MissingVariableHandler): string {
  const reported = new Set<string>();
  const raw = template.parts
    .map((part) => {
      if ('text' in part) return part.text;
      const value = displayValue(vars[part.variable]);
      if (value !== undefined) return value;
      if (!reported.has(part.variable)) onMissing?.(part.variable, key);
      reported.add(part.variable);
      return HOLE;
    })
    .join('');
  return raw.includes(HOLE) ? tidy(raw) : raw;
}

function tidy(text: string): string {
  return text
    .replace(/[«"(]\u0000[»")]/g, HOLE)
    .replace(/[ \t]*[,:—–-]?[ \t]*\u0000(?=[ \t]*[!?.,;:)…]|[ \t]*$)/gmu, HOLE)
    // A sentence that began with the missing value begins with a capital letter again.
    .replace(/(^|\n)[ \t]*\u0000[,:]?[ \t]*(\p{Ll}?)/gu, (_, start: string, letter: string) => `${start}${letter.toUpperCase()}`)
    .replace(/[ \t]+\u0000[ \t]+/g, ' ')
    .replace(/\u0000/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+$/gm, '');
}

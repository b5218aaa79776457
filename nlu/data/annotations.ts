/**
 * Rasa's inline entity annotations inside a training example:
 * `[text](entity)`, `[text](entity:value)` (Rasa 1.x) and `[text]{"entity": "...", "value": "..."}`.
 */

/** An entity annotated in a training example; offsets refer to the plain text. */
export interface AnnotatedEntity {
  entity: string;
  value: string;
  start: number;
  end: number;
  text: string;
  role?: string;
  group?: string;
}

export interface ParsedExample {
  text: string;
  entities: AnnotatedEntity[];
}

const ANNOTATION = /\[([^\]]+)\](?:\(([^)]+)\)|(\{[^}]*\}))/g;

/** Thrown for an annotation whose `{...}` part is not valid JSON or names no entity. */
export class AnnotationSyntaxError extends Error {}

/**
 * Splits an annotated example into its plain text and the entities it marks.
 *
 * @example
 * parseAnnotatedExample('на [ноготочки]{"entity": "service", "value": "manicure_gel"} в пт')
 * // → { text: 'на ноготочки в пт', entities: [{ entity: 'service', value: 'manicure_gel', start: 3, end: 12, text: 'ноготочки' }] }
 */
export function parseAnnotatedExample(source: string): ParsedExample {
  const entities: AnnotatedEntity[] = [];
  let text = '';
  let last = 0;
  for (const match of source.matchAll(ANNOTATION)) {
    const [whole, surface, short, json] = match;
    text += source.slice(last, match.index);
    const start = text.length;
    text += surface;
    const entity = json ? fromJson(json, surface) : fromShort(short, surface);
    entities.push({ ...entity, start, end: start + surface.length, text: surface });
    last = match.index! + whole.length;
  }
  text += source.slice(last);
  return { text, entities };
}

function fromShort(short: string, surface: string): Pick<AnnotatedEntity, 'entity' | 'value'> {
  const colon = short.indexOf(':');
  if (colon < 0) return { entity: short.trim(), value: surface };
  return { entity: short.slice(0, colon).trim(), value: short.slice(colon + 1).trim() };
}

function fromJson(json: string, surface: string): Omit<AnnotatedEntity, 'start' | 'end' | 'text'> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new AnnotationSyntaxError(`the annotation ${json} is not valid JSON (use double quotes: {"entity": "service", "value": "manicure_gel"})`);
  }
  const fields = parsed as Record<string, unknown>;
  if (typeof fields?.entity !== 'string' || !fields.entity) {
    throw new AnnotationSyntaxError(`the annotation ${json} has no "entity" name`);
  }
  return {
    entity: fields.entity,
    value: typeof fields.value === 'string' ? fields.value : surface,
    ...(typeof fields.role === 'string' ? { role: fields.role } : {}),
    ...(typeof fields.group === 'string' ? { group: fields.group } : {}),
  };
}

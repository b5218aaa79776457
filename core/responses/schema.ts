/**
 * The structure of `content/responses.yaml` as JSON Schema (ajv), and its errors in words staff
 * understand: which response, which variant, what to write instead.
 */
import Ajv, { type ErrorObject } from 'ajv';
import type { ContentError, DataPath, Locator } from '../../salon';

/** Button payloads the dialogue engine understands (see the engine design, "Replies"). */
export const PAYLOAD_PATTERN = '^/(slot [a-z][a-z0-9_]*=\\S.*|intent [a-z][a-z0-9_]*|resume (yes|no)|handover)$';

const text = { type: 'string', pattern: '\\S', description: 'a text in quotes, e.g. "На какую услугу вас записать?"' };

const SCHEMA = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    required: ['text'],
    properties: {
      text: { type: ['string', 'array'], pattern: '\\S', minItems: 1, items: text },
      rephrase: { type: 'boolean' },
      buttons: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['title', 'payload'],
          properties: {
            title: text,
            payload: { type: 'string', pattern: PAYLOAD_PATTERN },
          },
        },
      },
    },
  },
} as const;

const FIELDS = Object.keys(SCHEMA.additionalProperties.properties).join(', ');
const PAYLOAD_FORMS = '/slot <name>=<value>, /intent <name>, /resume yes, /resume no or /handover';

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(SCHEMA);

/**
 * Checks the structure of parsed responses.
 *
 * @returns the first problem in file order, or undefined when the structure is right.
 */
export function structureError(data: unknown, locate: Locator): ContentError | undefined {
  if (validate(data)) return undefined;
  const errors = validate.errors ?? [];
  // A misspelt field is both unknown and missing: name the unknown one, which the person wrote.
  const misspelt = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  const located = errors
    .filter((e) => !(e.keyword === 'required' && misspelt.has(e.instancePath)))
    .map((error) => {
      const path = toPath(error.instancePath);
      const field = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
      return { error, path, field, line: locate.line(path, field) ?? 0 };
    })
    .sort((a, b) => a.line - b.line);
  const { error, path, field } = located[0];
  return describe(error, path, field, data, locate);
}

function describe(error: ErrorObject, path: DataPath, field: string | undefined, data: unknown, locate: Locator): ContentError {
  const [key, section, index, part] = path;
  const value = valueAt(data, path);
  const response = `response "${String(key)}"`;
  if (path.length === 0) {
    return locate.error(path, 'the responses file is empty or is not a set of "key:" entries', 'start from the header of content/responses.yaml: each response is a key with a "text:" under it');
  }
  if (path.length === 1) {
    if (error.keyword === 'required') return locate.error([], `${response} has no "text"`, 'add text: "…" under it: one text in quotes, or a list of variants', String(key));
    if (error.keyword === 'additionalProperties') return locate.error(path, `${response} has an unknown field "${field}"`, `fix its spelling or remove it; the fields are: ${FIELDS}`, field);
    return locate.error([], value === null ? `${response} is empty` : `${response} is not written as "text:"`, `write it as\n    ${String(key)}:\n      text: "…"`, String(key));
  }
  if (section === 'text') {
    if (path.length === 2) {
      if (error.keyword === 'minItems') return locate.error(path, `${response} has an empty list of variants`, 'write at least one variant, or a single text in quotes');
      if (value === null || error.keyword === 'pattern') return locate.error(path, `${response} has an empty text`, 'write the text in quotes after "text:"');
      return locate.error(path, `the text of ${response} is neither a text nor a list of variants`, 'write one text in quotes, or a list of variants, each on its own line starting with "- "');
    }
    const variant = `variant ${Number(index) + 1} of ${response}`;
    if (value === null || value === undefined || error.keyword === 'pattern') return locate.error(path, `${variant} is empty`, 'write the text in quotes after "- ", or remove the line');
    return locate.error(path, `${variant} is not a text`, 'write it in quotes, e.g. - "Добрый день!"');
  }
  if (section === 'rephrase') return locate.error(path, `"rephrase" of ${response} must be true or false`, 'write rephrase: true (the assistant may reword it) or rephrase: false');
  if (section === 'buttons') {
    const button = index === undefined ? `the buttons of ${response}` : `button ${Number(index) + 1} of ${response}`;
    if (part === 'payload') return locate.error(path, `${button} has a payload "${String(value)}" the assistant does not understand`, `write one of: ${PAYLOAD_FORMS}`);
    if (part === 'title') return locate.error(path, `${button} has an empty title`, 'write the title in quotes');
    if (error.keyword === 'required') return locate.error(path, `${button} has no "${String(error.params.missingProperty)}"`, 'write a button as { title: "…", payload: "…" }');
    if (error.keyword === 'additionalProperties') return locate.error(path, `${button} has an unknown field "${field}"`, 'a button has only "title" and "payload"', field);
    return locate.error(path, `${button} is not written as a list of { title, payload }`, 'write each button as - { title: "Да", payload: "/slot confirmed=true" }');
  }
  return locate.error(path, `${response}: ${error.message ?? 'is invalid'}`, 'see the header of content/responses.yaml');
}

function toPath(instancePath: string): DataPath {
  return instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const step of path) node = (node as Record<string | number, unknown> | null | undefined)?.[step];
  return node;
}

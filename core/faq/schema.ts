/**
 * The JSON Schema of an FAQ file (`content/faq/*.yaml`): a list of entries with `id`, `questions`,
 * `answer` (or `handover`) and optional `tags`. Structure only; references and ids are checked in
 * `load.ts`.
 */
import Ajv from 'ajv';

const id = { type: 'string', pattern: '^[a-z][a-z0-9_]*$', description: 'an id of lowercase Latin letters, digits and _, e.g. price_manicure_gel' };
const text = { type: 'string', minLength: 1, pattern: '\\S', description: 'a non-empty text' };
const idOrIds = {
  type: ['string', 'array'], pattern: '^[a-z][a-z0-9_]*$', items: id, minItems: 1, uniqueItems: true,
  description: 'a catalog id or a list of ids, e.g. manicure_gel or [manicure_gel, pedicure_gel]',
};

const SCHEMA = {
  type: 'array',
  items: {
    type: 'object', additionalProperties: false,
    required: ['id', 'questions'],
    properties: {
      id,
      questions: { type: 'array', minItems: 1, items: text, description: 'a list of questions as guests write them, one per line starting with "- "' },
      answer: { ...text, description: 'the answer text in quotes, e.g. "Маникюр с покрытием — {price:manicure_gel}."' },
      handover: { ...id, description: 'the reason an administrator answers instead, e.g. medical' },
      tags: {
        type: 'object', additionalProperties: false,
        properties: { service: idOrIds, branch: idOrIds, topic: id },
        description: 'tags such as { service: manicure_gel, branch: city, topic: price }',
      },
    },
  },
} as const;

/** Validates a parsed FAQ file (the list of entries). */
export const validateFaqFile = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }).compile(SCHEMA);

/** An entry as written in YAML, after the schema check. */
export interface RawFaqEntry {
  id: string;
  questions: string[];
  answer?: string;
  handover?: string;
  tags?: { service?: string | string[]; branch?: string | string[]; topic?: string };
}

/**
 * The brand voice (`content/brand.yaml`): what the LLM prompts say about tone, and the limits the LLM
 * layer checks its answers against (emoji, sentences). Its TypeScript type and a loader that checks it
 * with JSON Schema (ajv), then a few semantic rules. Every problem is a {@link ContentError} with the
 * file, the line and a hint on how to fix it.
 *
 * Field names are the YAML's own (snake_case), so staff documentation and code use the same words.
 */
import { contentFileReader, type DataPath, type Locator } from './yaml-source';

// ── Types ──────────────────────────────────────────────────────────────────────────────────────────

export interface Brand {
  /** The salon's name as guests see it, e.g. "Madam COCO". */
  name: string;
  /** The only emoji a message may carry, e.g. 💅 ✨ 🌸 🤍. */
  emoji: string[];
  /** How many emoji one message may carry. */
  max_emoji: number;
  /** How many sentences one message may have (buttons not counted). */
  max_sentences: number;
  /** How the salon speaks: one prompt rule per line. */
  voice: string[];
  /** What the assistant must never do: one prompt rule per line. */
  never: string[];
}

// ── Schema ─────────────────────────────────────────────────────────────────────────────────────────

const line = { type: 'string', pattern: '\\S', description: 'a sentence in quotes or plain text' };
const lines = (what: string) => ({ type: 'array', minItems: 1, items: line, description: `a list of ${what}, each on its own line starting with "- "` });

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'emoji', 'max_emoji', 'max_sentences', 'voice', 'never'],
  properties: {
    name: { type: 'string', pattern: '\\S', description: 'the salon name, e.g. Madam COCO' },
    emoji: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1, description: 'one emoji' }, description: 'a list of emoji, e.g. [💅, ✨, 🌸, 🤍]' },
    max_emoji: { type: 'integer', minimum: 0, maximum: 3, description: 'a whole number from 0 to 3, e.g. 1' },
    max_sentences: { type: 'integer', minimum: 1, maximum: 10, description: 'a whole number from 1 to 10, e.g. 3' },
    voice: lines('rules of tone'),
    never: lines('things the assistant must never do'),
  },
} as const;

const reader = contentFileReader<Brand>({
  what: 'the brand voice',
  where: 'the brand voice lives in content/brand.yaml',
  schema: SCHEMA,
  empty: {
    problem: 'the brand voice is empty or is not a set of "key: value" fields',
    hint: 'start from the fields listed at the top of content/brand.yaml: name, emoji, max_emoji, max_sentences, voice, never',
  },
  label,
  check: checkValues,
});

// ── Loading ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads, parses and checks the brand file.
 *
 * @throws {ContentError} when the file cannot be read, is not valid YAML, breaks the schema, lists
 *   something that is not a single emoji, or allows emoji without listing any; the error names the
 *   file and line and says how to fix it.
 * @example
 * const brand = loadBrand('content/brand.yaml');
 * brand.emoji; // ['💅', '✨', '🌸', '🤍']
 */
export function loadBrand(path: string): Brand {
  return reader.load(path);
}

/**
 * Parses and checks brand YAML given as a string; `file` is only used in error messages.
 *
 * @throws {ContentError} as {@link loadBrand}.
 */
export function parseBrand(source: string, file: string): Brand {
  return reader.parse(source, file);
}

function label(path: DataPath): string {
  return typeof path[0] === 'string' ? `field "${path[0]}"` : 'the brand voice';
}

// One pictograph with its variation selector, skin tone and ZWJ sequence, or a flag: one emoji.
const ONE_EMOJI = /^(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*)$/u;

function checkValues(brand: Brand, locate: Locator): void {
  brand.emoji.forEach((emoji, i) => {
    if (!ONE_EMOJI.test(emoji.trim())) {
      throw locate.error(['emoji', i], `"${emoji}" is not a single emoji`, 'list one emoji per item, e.g. emoji: [💅, ✨, 🌸, 🤍]');
    }
  });
  if (brand.max_emoji > 0 && brand.emoji.length === 0) {
    throw locate.error(['emoji'], `max_emoji is ${brand.max_emoji} but no emoji are listed`, 'list the allowed emoji, or set max_emoji: 0');
  }
  brand.emoji = brand.emoji.map((e) => e.trim());
}

/**
 * Loading `content/responses.yaml` in two stages, as the other content loaders do: JSON Schema (ajv) for
 * the structure, then each text as a template (braces, known variables) and against the brand voice.
 * Every problem is a `ContentError` naming the file and line and saying how to fix it.
 */
import { parseYamlSource, readContentFile, type DataPath, type Locator } from '../../salon';
import { BRAND_EMOJI, brandProblems } from './brand';
import { Responses, type ResponseEntry } from './responses';
import { structureError } from './schema';
import { literalText, parseTemplate, type Template } from './template';

export interface LoadResponsesOptions {
  /** The emoji the brand allows; {@link BRAND_EMOJI} by default. */
  brandEmoji?: readonly string[];
}

interface RawResponse {
  text: string | string[];
  rephrase?: boolean;
  buttons?: Array<{ title: string; payload: string }>;
}

const KEY = /^[a-z][a-z0-9_]*$/;

/**
 * Reads and checks the responses file.
 *
 * @throws {ContentError} when the file cannot be read, is not valid YAML, breaks the structure, uses an
 *   unknown `{variable}` or an unbalanced brace, or breaks the brand voice (emoji, «я», a literal price…).
 * @example
 * const responses = loadResponses('content/responses.yaml');
 * responses.render('ask_service', {}); // "На какую услугу вас записать? 💅"
 */
export function loadResponses(path: string, options: LoadResponsesOptions = {}): Responses {
  return parseResponses(readContentFile(path, 'the responses', 'check the path; the responses live in content/responses.yaml'), path, options);
}

/**
 * Parses and checks responses YAML given as a string; `file` is only used in error messages.
 *
 * @throws {ContentError} as {@link loadResponses}.
 */
export function parseResponses(source: string, file: string, options: LoadResponsesOptions = {}): Responses {
  const { data, locate } = parseYamlSource(source, file);
  const problem = structureError(data, locate);
  if (problem) throw problem;
  const emoji = options.brandEmoji ?? BRAND_EMOJI;
  const entries = new Map<string, ResponseEntry>();
  for (const [key, raw] of Object.entries(data as Record<string, RawResponse>)) {
    if (!KEY.test(key)) {
      throw locate.error([], `response key "${key}" is not a lowercase Latin name`, 'write keys as lowercase Latin letters, digits and _, e.g. ask_service', key);
    }
    const texts = typeof raw.text === 'string' ? [raw.text] : raw.text;
    const variants = texts.map((text, i) => {
      const where: DataPath = typeof raw.text === 'string' ? [key, 'text'] : [key, 'text', i];
      const what = typeof raw.text === 'string' ? `response "${key}"` : `variant ${i + 1} of response "${key}"`;
      return checkedTemplate(text, where, what, locate, emoji);
    });
    const buttons = (raw.buttons ?? []).map((button, i) => ({
      title: checkedTemplate(button.title, [key, 'buttons', i, 'title'], `button ${i + 1} of response "${key}"`, locate, emoji),
      payload: button.payload,
    }));
    entries.set(key, { key, line: locate.line([], key) ?? 1, variants, rephrase: raw.rephrase ?? false, buttons });
  }
  return new Responses(file, entries);
}

function checkedTemplate(text: string, path: DataPath, what: string, locate: Locator, emoji: readonly string[]): Template {
  const { template, problems } = parseTemplate(text);
  const first = problems[0] ?? brandProblems(literalText(template), emoji)[0];
  if (first) throw locate.error(path, `${what}: ${first.problem}`, first.hint);
  return template;
}

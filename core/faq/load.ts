/**
 * Loading the FAQ (`content/faq/*.yaml`): every file read in name order, checked in two stages — JSON
 * Schema (ajv) for structure, then ids and references (a duplicate id, an entry with neither `answer`
 * nor `handover` or with both, an unknown catalog id in tags, an unknown or malformed `{kind:id}`
 * reference, the same question in two entries). Every problem is a
 * {@link ContentError} with the file, the line and a hint on how to fix it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Catalog, ContentError, parseYamlSource, readContentFile, schemaError, type DataPath, type Locator } from '../../salon';
import { normaliseForClassifier } from '../../nlu';
import { closest } from '../../common';
import { createFaqBase, type FaqBase } from './faq-base';
import type { FaqScoring } from './score';
import { isReferenceProblem, resolveReference, scanAnswer } from './references';
import { validateFaqFile, type RawFaqEntry } from './schema';
import type { FaqEntry } from './types';

/** One FAQ file's text; `file` is only used in messages. */
export interface FaqSource {
  file: string;
  source: string;
}

/**
 * Reads every `*.yaml` file of the FAQ folder (in name order), checks it against the catalog and builds
 * the retrieval index. `scoring` overrides the weights and threshold of `score.ts` (for experiments).
 *
 * @throws {ContentError} for an unreadable folder or file, invalid YAML, an entry without `questions` or
 *   `answer` (or `handover`), a duplicate id, an unknown id in `tags`, an unknown reference (`{price:nonexistent}`,
 *   `{prise:manicure_gel}`) or a question listed twice; the error names the file and line.
 * @example
 * const faq = loadFaq('content/faq', catalog);
 * faq.answer('скок стоит шеллак', { services: ['manicure_gel'] })?.text // "Маникюр с покрытием гель-лак — 2 900 ₽, 90 мин. …"
 */
export function loadFaq(dir: string, catalog: Catalog, scoring?: Partial<FaqScoring>): FaqBase {
  return createFaqBase(readFaqEntries(dir, catalog), catalog, scoring);
}

/**
 * The checked entries of every `*.yaml` file in `dir`, in file-name order then file order.
 *
 * @throws {ContentError} as {@link loadFaq}.
 */
export function readFaqEntries(dir: string, catalog: Catalog): FaqEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch (cause) {
    throw new ContentError({ file: dir, problem: `cannot read the FAQ folder (${(cause as Error).message})`, hint: 'check the path; the FAQ lives in content/faq/', cause });
  }
  if (names.length === 0) {
    throw new ContentError({ file: dir, problem: 'the FAQ folder has no .yaml files', hint: 'add at least one file such as content/faq/prices.yaml (see content/faq/README.md)' });
  }
  const sources = names.map((name) => {
    const file = join(dir, name);
    return { file, source: readContentFile(file, 'the FAQ file', 'check that the file is readable') };
  });
  return parseFaqSources(sources, catalog);
}

/**
 * Parses and checks FAQ files given as strings (tests and tools); ids must be unique across all of them.
 *
 * @throws {ContentError} as {@link loadFaq}.
 * @example
 * parseFaqSources([{ file: 'faq/test.yaml', source: '- id: pets\n  questions: [с собакой можно?]\n  answer: "Нет."' }], catalog)
 */
export function parseFaqSources(sources: readonly FaqSource[], catalog: Catalog): FaqEntry[] {
  const entries: FaqEntry[] = [];
  const ids = new Map<string, FaqEntry>();
  const questions = new Map<string, { entry: FaqEntry; text: string }>();
  for (const { file, source } of sources) {
    const { data, locate } = parseYamlSource(source, file, label);
    if (data === null || data === undefined) continue; // a file of comments only
    if (!validateFaqFile(data)) {
      throw schemaError(validateFaqFile.errors ?? [], data, locate, {
        problem: 'the file is not a list of FAQ entries',
        hint: 'each entry starts with "- id: …" at the start of a line, followed by "questions:" and "answer:" (see content/faq/README.md)',
      }, 1);
    }
    (data as RawFaqEntry[]).forEach((raw, i) => {
      const entry = toEntry(raw, { file, line: locate.line([i]) });
      const first = ids.get(entry.id);
      if (first) {
        throw locate.error([i, 'id'], `entry id "${entry.id}" is used twice (first at ${where(first)})`, 'give each entry its own id; ids are unique across all FAQ files');
      }
      ids.set(entry.id, entry);
      checkAnswerOrHandover(raw, i, locate);
      checkTags(raw, i, catalog, locate);
      checkReferences(entry, i, source, catalog, locate);
      checkQuestions(entry, i, questions, locate);
      entries.push(entry);
    });
  }
  return entries;
}

function toEntry(raw: RawFaqEntry, source: FaqEntry['source']): FaqEntry {
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  return {
    id: raw.id,
    questions: raw.questions.map((q) => q.trim()),
    ...(raw.answer !== undefined ? { answer: raw.answer.trim() } : {}),
    ...(raw.handover !== undefined ? { handover: raw.handover } : {}),
    tags: { service: list(raw.tags?.service), branch: list(raw.tags?.branch), ...(raw.tags?.topic ? { topic: raw.tags.topic } : {}) },
    source,
  };
}

function label(path: DataPath, data: unknown): string {
  const [index] = path;
  if (typeof index !== 'number') return 'the file';
  const id = (data as Array<{ id?: unknown }>)[index]?.id;
  return typeof id === 'string' ? `entry "${id}"` : `entry #${index + 1}`;
}

function where(entry: FaqEntry): string {
  return entry.source.line ? `${entry.source.file}:${entry.source.line}` : entry.source.file;
}

function checkAnswerOrHandover(raw: RawFaqEntry, i: number, locate: Locator): void {
  if (raw.answer === undefined && raw.handover === undefined) {
    throw locate.error([i], `entry "${raw.id}" has no "answer"`, 'add "answer: "…"" with the reply, or "handover: medical" for questions an administrator must answer');
  }
  if (raw.answer !== undefined && raw.handover !== undefined) {
    throw locate.error([i, 'handover'], `entry "${raw.id}" has both "answer" and "handover"`, 'keep "answer" to reply, or "handover" to pass the question to an administrator, not both');
  }
}

function checkTags(raw: RawFaqEntry, i: number, catalog: Catalog, locate: Locator): void {
  const kinds = [
    ['service', catalog.services.map((s) => s.id)],
    ['branch', catalog.branches.map((b) => b.id)],
  ] as const;
  for (const [kind, known] of kinds) {
    const value = raw.tags?.[kind];
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    values.forEach((id, k) => {
      if (known.includes(id)) return;
      const guess = closest(id, known, 3);
      const path = Array.isArray(value) ? [i, 'tags', kind, k] : [i, 'tags', kind];
      throw locate.error(path, `unknown ${kind} "${id}" in the tags of entry "${raw.id}"`,
        `${guess ? `did you mean "${guess}"? ` : ''}the ${kind === 'service' ? 'services' : 'branches'} in content/catalog.yaml are: ${known.join(', ')}`);
    });
  }
}

function checkReferences(entry: FaqEntry, i: number, source: string, catalog: Catalog, locate: Locator): void {
  if (entry.answer === undefined) return;
  const answerLine = locate.line([i, 'answer']);
  for (const token of scanAnswer(entry.answer)) {
    if ('stray' in token) {
      throw new ContentError({
        file: entry.source.file, line: answerLine, path: `[${i}].answer`,
        problem: `the answer of entry "${entry.id}" has a "${token.stray.raw}" that is not part of a reference`,
        hint: 'references are written {kind:id}, e.g. {price:manicure_gel}; remove the stray brace or close the reference',
      });
    }
    const value = resolveReference(token.reference, catalog);
    if (isReferenceProblem(value)) {
      throw new ContentError({
        file: entry.source.file, line: lineOfText(source, answerLine, token.reference.raw), path: `[${i}].answer`,
        problem: `${value.problem} in the answer of entry "${entry.id}"`, hint: value.hint,
      });
    }
  }
}

/** Two entries with the same question would compete for it: each question belongs to one entry. */
function checkQuestions(entry: FaqEntry, i: number, seen: Map<string, { entry: FaqEntry; text: string }>, locate: Locator): void {
  entry.questions.forEach((question, q) => {
    const key = normaliseForClassifier(question);
    if (key === '') return;
    const first = seen.get(key);
    if (first) {
      const elsewhere = first.entry === entry ? 'in the same entry' : `in entry "${first.entry.id}" (${where(first.entry)})`;
      throw locate.error([i, 'questions', q], `question "${question}" is already listed ${elsewhere}`, 'keep each question in one entry only; remove or reword this one');
    }
    seen.set(key, { entry, text: question });
  });
}

/** The line of the first `needle` at or after `fromLine` (1-based), else `fromLine`. */
function lineOfText(source: string, fromLine: number | undefined, needle: string): number | undefined {
  if (fromLine === undefined) return undefined;
  let offset = 0;
  for (let line = 1; line < fromLine; line++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  const at = source.indexOf(needle, offset);
  if (at < 0) return fromLine;
  let line = 1;
  for (let k = source.indexOf('\n'); k >= 0 && k < at; k = source.indexOf('\n', k + 1)) line++;
  return line;
}

import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { FileLocatedError } from '../../common';
import { AnnotationSyntaxError, parseAnnotatedExample } from './annotations';
import type { TrainingData, TrainingExample } from './training-data';

/** A training-data file that is not valid Rasa NLU YAML; names the file and line. */
export class NluDataError extends FileLocatedError {}

const BLOCK_KINDS = ['intent', 'synonym', 'lookup', 'regex'] as const;

/**
 * Reads a file in the Rasa NLU YAML format (`version: "3.1"`, `nlu:` blocks of `intent`, `synonym`,
 * `lookup` and `regex`, each with `examples: |` lines starting with "- ").
 *
 * @throws NluDataError naming the file and line of the first problem.
 */
export function readRasaNluFile(file: string): TrainingData {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new NluDataError(file, undefined, 'cannot read the file', { hint: 'check the path', cause });
  }
  return parseRasaNlu(source, file);
}

/** Parses Rasa NLU YAML text; `file` is only used in error messages and example locations. */
export function parseRasaNlu(source: string, file = '<inline>'): TrainingData {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;

  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    throw new NluDataError(file, lines.linePos(error.pos[0]).line, `invalid YAML: ${error.message.split('\n')[0]}`, {
      hint: 'check indentation and that every example line under "examples: |" starts with "- "',
    });
  }
  const data: TrainingData = { examples: [], synonyms: [], lookups: [], regexes: [] };
  const root = doc.contents;
  if (!isMap(root)) throw new NluDataError(file, 1, 'expected a mapping with "version" and "nlu"', { hint: 'start the file with: version: "3.1"\\nnlu:' });
  const nlu = root.get('nlu', true);
  if (nlu === undefined) return data;
  if (!isSeq(nlu)) throw new NluDataError(file, lineOf(nlu as Node), '"nlu" must be a list of blocks', { hint: 'write each block as "- intent: name"' });

  for (const block of nlu.items) {
    if (!isMap(block)) {
      throw new NluDataError(file, lineOf(block as Node), 'each item under "nlu" must be a block like "- intent: booking"');
    }
    const kind = BLOCK_KINDS.find((k) => block.has(k));
    if (!kind) {
      throw new NluDataError(file, lineOf(block), `a block needs one of ${BLOCK_KINDS.join(', ')}`, { hint: 'e.g. "- intent: booking" followed by "  examples: |"' });
    }
    const name = String(block.get(kind) ?? '').trim();
    if (!name) throw new NluDataError(file, lineOf(block), `the ${kind} block has no name`);
    const examplesNode = block.get('examples', true) as Node | undefined;
    if (!isScalar(examplesNode) || typeof examplesNode.value !== 'string') {
      throw new NluDataError(file, lineOf(block), `the ${kind} "${name}" has no "examples: |" text`, { hint: 'add "examples: |" and the examples below it, one per line starting with "- "' });
    }
    const firstLine = (lineOf(examplesNode) ?? 0) + (examplesNode.type === 'BLOCK_LITERAL' || examplesNode.type === 'BLOCK_FOLDED' ? 1 : 0);
    const items = exampleLines(examplesNode.value, firstLine);

    if (kind === 'intent') {
      for (const item of items) data.examples.push(toExample(name, item, file));
    } else if (kind === 'synonym') {
      data.synonyms.push({ value: name, texts: items.map((i) => i.text) });
    } else if (kind === 'lookup') {
      data.lookups.push({ name, elements: items.map((i) => i.text) });
    } else {
      for (const item of items) {
        try {
          new RegExp(item.text, 'u');
        } catch (cause) {
          throw new NluDataError(file, item.line, `the regex "${item.text}" of "${name}" does not compile`, { cause });
        }
      }
      data.regexes.push({ name, patterns: items.map((i) => i.text) });
    }
  }
  return data;
}

function exampleLines(block: string, firstLine: number): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  block.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    const text = trimmed.startsWith('- ') ? trimmed.slice(2).trim() : trimmed === '-' ? '' : trimmed;
    if (text) out.push({ text, line: firstLine + index });
  });
  return out;
}

function toExample(intent: string, item: { text: string; line: number }, file: string): TrainingExample {
  try {
    const { text, entities } = parseAnnotatedExample(item.text);
    return { intent, text, entities, file, line: item.line };
  } catch (cause) {
    if (cause instanceof AnnotationSyntaxError) throw new NluDataError(file, item.line, cause.message, { cause });
    throw cause;
  }
}

/**
 * The examples the stability benchmark adds to the training data, one at a time: read from
 * bench/stability/examples.yaml and checked against the shipped training data.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { FileLocatedError } from '../../common';
import type { TrainingData } from '../../nlu';

/** One example to add: an intent the training data has and a text it does not. */
export interface StabilityExample {
  intent: string;
  text: string;
  line?: number;
}

/** A problem in the examples file, named by file and line. */
export class StabilityExamplesError extends FileLocatedError {}

/**
 * Reads the examples file. Every example must name an intent of `training` and be new to it (compared
 * without case), or adding it would measure nothing.
 *
 * @throws StabilityExamplesError for a file that cannot be read or parsed, an unknown intent, a known text.
 */
export function readStabilityExamples(file: string, training: TrainingData): StabilityExample[] {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new StabilityExamplesError(file, undefined, 'cannot read the file', { hint: 'check the path', cause });
  }
  return parseStabilityExamples(source, training, file);
}

/** Parses the examples from YAML text (`examples: [{ intent, text }]`); see `readStabilityExamples`. */
export function parseStabilityExamples(source: string, training: TrainingData, file = '<inline>'): StabilityExample[] {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines });
  const lineOf = (node: unknown) => ((node as Node | undefined)?.range ? lines.linePos((node as Node).range![0]).line : undefined);
  if (doc.errors.length) throw new StabilityExamplesError(file, lines.linePos(doc.errors[0].pos[0]).line, `invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const list = isMap(doc.contents) ? doc.contents.get('examples', true) : undefined;
  if (!isSeq(list)) throw new StabilityExamplesError(file, 1, 'no list under "examples:"', { hint: 'write examples: followed by "- intent: faq" / "  text: …" items' });

  const intents = new Set(training.examples.map((e) => e.intent));
  const known = new Set(training.examples.map((e) => e.text.trim().toLowerCase()));
  const seen = new Set<string>();
  return list.items.map((item) => {
    const line = lineOf(item);
    const field = (name: string) => {
      const value = isMap(item) ? item.get(name, true) : undefined;
      if (!isScalar(value) || typeof value.value !== 'string' || !value.value.trim()) {
        throw new StabilityExamplesError(file, line, `an example without "${name}"`, { hint: 'each example has an intent and a text' });
      }
      return value.value.trim();
    };
    const intent = field('intent');
    const text = field('text');
    if (!intents.has(intent)) throw new StabilityExamplesError(file, line, `unknown intent "${intent}"`, { hint: `use one of: ${[...intents].join(', ')}` });
    const folded = text.toLowerCase();
    if (known.has(folded)) throw new StabilityExamplesError(file, line, `«${text}» is already in the training data`, { hint: 'write a new message: an example the NLU has seen changes nothing' });
    if (seen.has(folded)) throw new StabilityExamplesError(file, line, `«${text}» is listed twice`);
    seen.add(folded);
    return { intent, text, line };
  });
}

/**
 * The training data with one more example, written where staff would write it: at the end of its
 * intent's block. A copy: the shipped data is left as it is.
 */
export function withExample(training: TrainingData, example: StabilityExample): TrainingData {
  const added = { intent: example.intent, text: example.text, entities: [], file: 'bench/stability/examples.yaml', line: example.line };
  const examples = [...training.examples];
  const last = examples.map((e) => e.intent).lastIndexOf(example.intent);
  examples.splice(last + 1, 0, added);
  return { ...training, examples };
}

/**
 * `coco test --update`: after a deliberate change of content, rewrites the exact reply texts (`bot:`)
 * that no longer match with what the assistant says now. The YAML Document API locates each text; only
 * its characters are replaced in the file, so comments, alignment and the rest of the format stay as
 * they were. `contains` and `regex` expectations are left for a person to fix.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isScalar, parseDocument, Scalar, isCollection, type Node } from 'yaml';
import { parseTranscript } from './parse';
import type { CaseRun } from './run-case';
import { plainSpaces, textMatches } from './match';
import type { TextMatcher, TurnExpectation } from './types';

/** One rewritten text. */
export interface TextChange {
  file: string;
  line: number;
  before: string;
  after: string;
}

/** An expectation `--update` could not rewrite, and why. */
export interface UpdateSkip {
  file: string;
  line: number;
  reason: string;
}

export interface UpdatePlan {
  changes: Array<TextChange & { path: Array<string | number> }>;
  skipped: UpdateSkip[];
}

/**
 * The texts to rewrite for the failed cases: each exact `bot:` text that matches no reply of its turn
 * takes the text of a reply no other `bot:` text of the step matches — the one most like it in words.
 */
export function planUpdates(runs: readonly CaseRun[]): UpdatePlan {
  const plan: UpdatePlan = { changes: [], skipped: [] };
  for (const run of runs) {
    if (run.status !== 'failed') continue;
    for (const step of run.steps) {
      if (!step.turn || !step.failures.some((f) => f.what === 'bot')) continue;
      const replies = step.turn.replies.map((r) => r.text);
      for (const expectation of step.spec.expect.filter((e) => e.key === 'bot')) planStep(expectation, replies, plan);
    }
  }
  return plan;
}

function planStep(expectation: TurnExpectation, replies: string[], plan: UpdatePlan): void {
  const items = Array.isArray(expectation.value) ? expectation.value : [expectation.value];
  const path = (i: number) => (Array.isArray(expectation.value) ? [...expectation.path, i] : expectation.path);
  const matches = (text: string, item: unknown) => textMatches(text, item as TextMatcher);
  const free = replies.filter((text) => !items.some((item) => matches(text, item)));
  items.forEach((item, i) => {
    if (replies.some((text) => matches(text, item))) return;
    if (typeof item !== 'string') {
      plan.skipped.push({ file: expectation.file, line: expectation.line, reason: `${'contains' in (item as object) ? 'a "contains"' : 'a "regex"'} expectation is not rewritten: fix it by hand` });
      return;
    }
    const best = free.map((text, index) => ({ text, index, score: similarity(item, text) })).sort((a, b) => b.score - a.score || a.index - b.index)[0];
    if (!best || (best.score === 0 && free.length > 1)) {
      plan.skipped.push({ file: expectation.file, line: expectation.line, reason: free.length ? 'no reply of the turn is like this text: fix it by hand' : 'the turn has no other reply to take the text from' });
      return;
    }
    free.splice(free.indexOf(best.text), 1);
    // Written with ordinary spaces, as a person would type it (matching ignores the kind of space).
    plan.changes.push({ file: expectation.file, line: expectation.line, before: item, after: plainSpaces(best.text), path: path(i) });
  });
}

/** Dice similarity of the two texts' word sets (0…1). */
function similarity(a: string, b: string): number {
  const words = (t: string) => new Set(t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const x = words(a);
  const y = words(b);
  if (x.size + y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/**
 * Writes the planned changes into their files; each file is parsed again afterwards to make sure it
 * is still a valid transcript. `read`/`write` default to the file system (tests pass their own).
 *
 * @returns the changes made, in file and line order.
 */
export function applyUpdates(
  plan: UpdatePlan,
  io: { read: (file: string) => string; write: (file: string, text: string) => void } = { read: (f) => readFileSync(f, 'utf8'), write: (f, t) => writeFileSync(f, t) },
): TextChange[] {
  const byFile = new Map<string, UpdatePlan['changes']>();
  for (const change of plan.changes) byFile.set(change.file, [...(byFile.get(change.file) ?? []), change]);
  const done: TextChange[] = [];
  for (const [file, changes] of byFile) {
    const source = io.read(file);
    const doc = parseDocument(source, { keepSourceTokens: true });
    const edits = changes.flatMap((change) => {
      const node = doc.getIn(change.path, true) as Node | undefined;
      if (!isScalar(node) || !node.range || node.value !== change.before) return [];
      const parent = doc.getIn(change.path.slice(0, -1), true) as Node | undefined;
      const inFlow = isCollection(parent) && parent.flow === true;
      return [{ start: node.range[0], end: node.range[1], text: scalarSource(change.after, node, source, inFlow), change }];
    });
    let text = source;
    for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    parseTranscript(text, file);
    io.write(file, text);
    done.push(...edits.map(({ change: { path: _path, ...change } }) => change).sort((a, b) => a.line - b.line));
  }
  return done;
}

/** The new text written as the old one was (plain, quoted or a block), when it can be; else double-quoted. */
function scalarSource(value: string, old: Scalar, source: string, inFlow: boolean): string {
  const quoted = JSON.stringify(value);
  switch (old.type) {
    case Scalar.PLAIN:
      return readsBack(value, value, inFlow) ? value : quoted;
    case Scalar.QUOTE_SINGLE:
      return value.includes('\n') ? quoted : `'${value.replace(/'/g, "''")}'`;
    case Scalar.BLOCK_LITERAL: {
      const [start, end] = old.range!;
      const original = source.slice(start, end);
      const header = original.split('\n')[0];
      const indent = /\n([ ]+)\S/.exec(original)?.[1] ?? '  ';
      const body = value.split('\n').map((line) => (line ? `${indent}${line}` : '')).join('\n');
      const block = `${header}\n${body}${original.endsWith('\n') ? '\n' : ''}`;
      return readsBack(block, value, false) ? block : quoted;
    }
    default:
      return quoted;
  }
}

/** True when `written` as a map value (or a flow-list item) parses back to exactly `value`. */
function readsBack(written: string, value: string, inFlow: boolean): boolean {
  const doc = parseDocument(inFlow ? `[${written}]` : `x: ${written}`);
  if (doc.errors.length) return false;
  const data = doc.toJS() as unknown;
  return inFlow ? Array.isArray(data) && data.length === 1 && data[0] === value : (data as { x?: unknown })?.x === value;
}

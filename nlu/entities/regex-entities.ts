import type { Entity } from '../types';

/** A regex entity from the training data's `regex:` blocks, compiled once. */
export interface RegexEntity {
  name: string;
  pattern: RegExp;
}

/** Compiles the training data's regex blocks (one alternation per entity name). */
export function compileRegexEntities(regexes: Array<{ name: string; patterns: string[] }>): RegexEntity[] {
  return regexes.map(({ name, patterns }) => ({ name, pattern: new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'giu') }));
}

/** Every match of every regex entity; the value is the matched text. */
export function matchRegexEntities(text: string, regexes: RegexEntity[]): Entity[] {
  const out: Entity[] = [];
  for (const { name, pattern } of regexes) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      if (!match[0]) continue;
      out.push({ entity: name, value: match[0], start: match.index!, end: match.index! + match[0].length, text: match[0], extractor: 'regex' });
    }
  }
  return out;
}

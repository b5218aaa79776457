/**
 * One response text as a template: literal text and `{variable}` references. Parsing never throws; it
 * returns the problems (an unbalanced brace, an unknown variable) for the loader to locate in the file.
 */
import { closest } from '../../common';
import { RESPONSE_VARIABLES, isResponseVariable } from './variables';

/** A piece of a template: literal text or a variable reference. */
export type TemplatePart = { text: string } | { variable: string };

/** A parsed template: its parts, in order, and the distinct variables it uses. */
export interface Template {
  source: string;
  parts: TemplatePart[];
  variables: string[];
}

/** What is wrong with a template, with a hint on how to fix it. */
export interface TemplateProblem {
  problem: string;
  hint: string;
}

const VARIABLE_LIST = Object.keys(RESPONSE_VARIABLES).map((name) => `{${name}}`).join(', ');

/**
 * Splits a template into text and variables. A name may carry spaces inside the braces (`{ price }`);
 * they are ignored.
 *
 * @example
 * parseTemplate('Ждём вас {slot_time}!').template.variables; // ['slot_time']
 * parseTemplate('Ждём вас {slot_time!').problems[0].problem;   // 'a "{" is not closed: …'
 */
export function parseTemplate(source: string): { template: Template; problems: TemplateProblem[] } {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '}') {
      problems.push({ problem: `a "}" has no "{" before it: …${excerpt(source, i)}…`, hint: 'write a variable as {name}, or remove the stray "}"' });
      i++;
      continue;
    }
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const close = source.indexOf('}', i + 1);
    const reopen = source.indexOf('{', i + 1);
    if (close < 0 || (reopen >= 0 && reopen < close)) {
      problems.push({ problem: `a "{" is not closed: …${excerpt(source, i)}…`, hint: 'close the variable with "}", e.g. {guest_name}' });
      i++;
      continue;
    }
    const name = source.slice(i + 1, close).trim();
    if (!isResponseVariable(name)) problems.push(unknownVariable(name));
    if (text) parts.push({ text });
    text = '';
    parts.push({ variable: name });
    i = close + 1;
  }
  if (text) parts.push({ text });
  const variables = [...new Set(parts.flatMap((p) => ('variable' in p ? [p.variable] : [])))];
  return { template: { source, parts, variables }, problems };
}

/** The template's literal text, variables left out: what brand checks read. */
export function literalText(template: Template): string {
  return template.parts.map((p) => ('text' in p ? p.text : ' ')).join('');
}

function unknownVariable(name: string): TemplateProblem {
  const guess = name ? closest(name, Object.keys(RESPONSE_VARIABLES)) : undefined;
  return {
    problem: name ? `unknown variable {${name}}` : 'an empty variable {}',
    hint: `${guess ? `did you mean {${guess}}? ` : ''}the variables are: ${VARIABLE_LIST}`,
  };
}

function excerpt(source: string, at: number): string {
  return source.slice(Math.max(0, at - 15), at + 15).replace(/\s+/g, ' ');
}

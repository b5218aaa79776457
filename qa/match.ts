/**
 * How a transcript's expected values compare with what happened: texts exactly, by a part or by a
 * regular expression; other values partially (an expected map names only the fields that matter).
 */
import type { TextMatcher } from './types';

/** A `{ contains }` or `{ regex }` matcher (and not a map of fields that happens to have one of them). */
export function isTextMatcher(value: unknown): value is { contains: string } | { regex: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'contains' || keys[0] === 'regex') && typeof (value as Record<string, unknown>)[keys[0]] === 'string';
}

/**
 * True when `actual` is the text: exactly (ignoring spaces at both ends), containing the part, or
 * matching the regular expression. The kind of a space does not matter: the assistant writes "3 770 ₽"
 * and "+7 999" with no-break spaces, a person types ordinary ones.
 *
 * @example textMatches('В какой салон вам удобнее? 🌸', { contains: 'какой салон' }) // true
 */
export function textMatches(actual: string, expected: TextMatcher): boolean {
  const text = plainSpaces(actual);
  if (typeof expected === 'string') return text.trim() === plainSpaces(expected).trim();
  if ('contains' in expected) return text.includes(plainSpaces(expected.contains));
  const pattern = new RegExp(expected.regex, 'u');
  return pattern.test(actual) || pattern.test(text);
}

/** Every kind of space but the line break as an ordinary space. */
export function plainSpaces(text: string): string {
  return text.replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
}

/**
 * True when `actual` has what `expected` says: primitives equal (a number and its digits count as
 * equal: user "1001" and 1001), lists of the same length matching item by item, maps matching on the
 * expected keys only, `null` for nothing there, and text matchers on texts.
 *
 * @example valueMatches({ id: 'B7', branch: 'tverskaya', services: ['manicure_gel'] }, { services: ['manicure_gel'] }) // true
 */
export function valueMatches(actual: unknown, expected: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (isTextMatcher(expected)) return typeof actual === 'string' && textMatches(actual, expected);
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => valueMatches(actual[i], item));
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => valueMatches((actual as Record<string, unknown>)[key], value));
  }
  if (actual === expected) return true;
  const loose = (v: unknown) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
  return loose(actual) && String(actual) === String(expected);
}

/**
 * A value as a person reads it in a diff: texts in quotes, lists in brackets, maps in braces, Russian
 * as is (not \u-escaped); cut with "…" past `max` characters.
 *
 * @example show({ branch: 'tverskaya', services: ['manicure_gel'] }) // '{ branch: "tverskaya", services: ["manicure_gel"] }'
 */
export function show(value: unknown, max = 400): string {
  const text = format(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function format(value: unknown): string {
  if (value === undefined) return '(nothing)';
  if (isTextMatcher(value)) return 'contains' in value ? `contains ${JSON.stringify(value.contains)}` : `matches /${value.regex}/`;
  if (Array.isArray(value)) return `[${value.map(format).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${k}: ${format(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value) ?? String(value);
}

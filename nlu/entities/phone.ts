/**
 * Russian phone numbers in whatever format a guest types them: "+7 999 123-45-67", "8(999)123-45-67",
 * "89991234567", "9991234567". The value is E.164 ("+79991234567"); offsets point at the original text.
 */

import type { Entity } from '../types';

/** A run of digit groups joined by phone separators, as found in the text. */
interface Group {
  digits: string;
  start: number;
  end: number;
  /** True when the group is written in brackets: "(999)". */
  bracketed: boolean;
}

// Digit groups and the separators allowed between them: spaces (normal, no-break, thin), hyphens and
// dashes, brackets. A dot, slash or colon ends the run: "25.12", "18:00" and "12/05" are no phones.
const SEPARATOR = /^[\s\u00A0\u2009\u202F\-\u2010-\u2015\u2212()]{1,4}$/;
const RUN = /\+?\(?\d+(?:[\s\u00A0\u2009\u202F\-\u2010-\u2015\u2212()]{1,4}\d+)*\)?/g;
const GROUP = /\d+/g;
// Russian numbers: geographic codes start with 3, 4 or 8, mobile ones with 9.
const AREA_CODE_FIRST_DIGIT = /^[3489]/;

/**
 * Finds Russian phone numbers. Accepted: 11 digits starting with 7 or 8 (with or without "+", in any
 * grouping), 10 digits starting with 9 (a mobile number without the country code), and 10 digits
 * whose code is in brackets ("(495) 123-45-67"). Rejected: prices, dates, times, codes and card-like
 * numbers: any run of digit groups that no window of whole groups makes a valid number.
 *
 * @example
 * extractPhones('тел 8 916 000 11 22')
 * // [{ entity: 'phone', value: '+79160001122', start: 4, end: 19, text: '8 916 000 11 22', extractor: 'phone', confidence: 1 }]
 */
export function extractPhones(text: string): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const found: Entity[] = [];
  for (const match of text.matchAll(RUN)) {
    const start = match.index ?? 0;
    // A run glued to a Latin letter or a digit on the left is an id or code ("A12345678901"); glued to
    // Russian it is a guest's missing space ("тел89991234567").
    if (/[A-Za-z0-9_]/.test(text[start - 1] ?? '') && match[0][0] !== '+') continue;
    found.push(...phonesInRun(text, start, match[0]));
  }
  return found;
}

function phonesInRun(text: string, runStart: number, run: string): Entity[] {
  const groups = splitGroups(run, runStart);
  const phones: Entity[] = [];
  let i = 0;
  while (i < groups.length) {
    const phone = longestPhoneFrom(text, run, runStart, groups, i);
    if (phone === undefined) {
      i++;
      continue;
    }
    phones.push(phone.entity);
    i = phone.next;
  }
  return phones;
}

function splitGroups(run: string, runStart: number): Group[] {
  const groups: Group[] = [];
  for (const match of run.matchAll(GROUP)) {
    const start = runStart + (match.index ?? 0);
    const before = run[(match.index ?? 0) - 1];
    const after = run[(match.index ?? 0) + match[0].length];
    groups.push({ digits: match[0], start, end: start + match[0].length, bracketed: before === '(' && after === ')' });
  }
  return groups;
}

/** The longest window of whole groups starting at group `first` that is a valid phone number. */
function longestPhoneFrom(
  text: string,
  run: string,
  runStart: number,
  groups: Group[],
  first: number,
): { entity: Entity; next: number } | undefined {
  let digits = '';
  let best: { entity: Entity; next: number } | undefined;
  for (let last = first; last < groups.length && digits.length < 11; last++) {
    if (last > first && !SEPARATOR.test(text.slice(groups[last - 1].end, groups[last].start))) break;
    digits += groups[last].digits;
    const value = toE164(digits, groups[first].bracketed || (groups[first + 1]?.bracketed ?? false));
    if (value === undefined) continue;
    const plus = first === 0 && run.startsWith('+');
    const opensBracket = text[groups[first].start - 1] === '(' && groups[first].bracketed;
    const start = plus ? runStart : opensBracket ? groups[first].start - 1 : groups[first].start;
    const end = groups[last].end;
    if (!standsAlone(text, end)) continue;
    best = {
      entity: {
        entity: 'phone',
        value,
        start,
        end,
        text: text.slice(start, end),
        extractor: 'phone',
        // A bare ten-digit number could be something else, and "+8" is a common slip for "+7" or "8".
        confidence: digits.length === 11 && !(plus && digits.startsWith('8')) ? 1 : 0.9,
      },
      next: last + 1,
    };
  }
  return best;
}

/** E.164 for 11 digits 7/8 + code, or 10 digits of a mobile (or bracketed-code) number. */
function toE164(digits: string, codeInBrackets: boolean): string | undefined {
  if (digits.length === 11 && /^[78]/.test(digits) && AREA_CODE_FIRST_DIGIT.test(digits.slice(1))) {
    return `+7${digits.slice(1)}`;
  }
  if (digits.length === 10 && (digits.startsWith('9') || (codeInBrackets && AREA_CODE_FIRST_DIGIT.test(digits)))) {
    return `+7${digits}`;
  }
  return undefined;
}

/** A number must not run on into a decimal or a longer number ("89991234567.5", "8999123456789"). */
function standsAlone(text: string, end: number): boolean {
  const next = text[end] ?? '';
  if (/\d/.test(next)) return false;
  if (/[.,:/]/.test(next) && /\d/.test(text[end + 1] ?? '')) return false;
  return true;
}

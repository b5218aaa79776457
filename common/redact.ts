/**
 * Masks personal data in text bound for logs. This module imports nothing else of the project.
 *
 * The conversation store keeps what guests wrote (it is the system of record); logs, error reports and
 * traces get this masked copy instead.
 */

// Digit groups and the separators guests put between them: spaces (normal, no-break, thin), hyphens,
// dashes, brackets. A dot, slash or colon ends the run, so dates ("25.12.2026") and times ("18:00") are
// never joined into a phone (dotted phones are matched apart, below). A leading "+" or "(" belongs to
// the run. Separators and digits are disjoint classes, so the pattern never backtracks.
const RUN = /\+?\(?\d+(?:[\s\u00A0\u2009\u202F\-\u2010-\u2015\u2212()]{1,4}\d+)*/g;
const GROUP = /\d+/g;
// Bounded parts (RFC 5321 limits) keep the match linear on long texts without an "@".
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@(?:[\p{L}\p{N}-]{1,63}\.){1,8}\p{L}{2,24}/gu;
// Digits and phone punctuation of other widths and scripts (full-width "＋７ ９９９", Arabic-Indic):
// read as ASCII first, so a phone cannot hide in them.
const WIDE = /[\uFF08\uFF09\uFF0B\uFF0D\uFF10-\uFF19\u3000\u0660-\u0669\u06F0-\u06F9]/g;
// Invisible characters (zero-width space, joiners, word joiner, BOM, soft hyphen) between the digits of a
// phone are dropped; elsewhere (an emoji's joiner) they stay.
const INVISIBLE_IN_NUMBER = /(?<=[\d+()\-\s.])[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u180E]+(?=[\d+()\-\s.])/g;
// A phone written with dots ("8.999.555.12.34", "999.555.12.34", a local "555.12.34"): the run above
// stops at dots for the sake of dates, so these are matched apart. They end in three, two and two digits,
// which no date ("25.12.2026") or time ("18.00") does.
const DOTTED = /(?<!\d\.?)(?:\+?\d{1,3}\.)?(?:\(?\d{3,4}\)?\.)?\d{3}\.\d{2}\.\d{2}(?!\.?\d)/g;
// A local number without its code in its usual layout, "555-12-34".
const LOCAL = /(?<![\d+(\-\u2010-\u2015])\d{3}[\-\u2010-\u2015]\d{2}[\-\u2010-\u2015]\d{2}(?![\d\-\u2010-\u2015])/g;

interface Group {
  digits: string;
  /** Offset of the first digit in the text. */
  start: number;
  end: number;
}

/**
 * Masks phone numbers and e-mail addresses. A Russian number in any format ("+7 999 123-45-67",
 * "8(999)123-45-67", "89991234567", "9991234567", "8.999.123.45.67") becomes `+7 *** ***-**-67`,
 * keeping its last two digits so staff can still tell numbers apart; another international number
 * ("+44 20 7946 0958", "4915123456789") and a local one ("555.12.34", "555-12-34") keep their layout
 * with every digit but the last two starred. Digits split by zero-width characters or written full-width
 * ("８９９９…") are read as the phone they are. An e-mail keeps the first character of its local
 * part and its domain: `i***@mail.ru`. Dates, times, prices and ids are left alone. Never throws.
 *
 * @example
 * redactPersonalData('мой тел 8 999 123 45 67, почта ivan.petrov@mail.ru')
 * // 'мой тел +7 *** ***-**-67, почта i***@mail.ru'
 */
export function redactPersonalData(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return typeof text === 'string' ? text : '';
  const folded = text.replace(WIDE, asciiOf).replace(INVISIBLE_IN_NUMBER, '');
  const withoutEmails = folded.includes('@') ? folded.replace(EMAIL, maskEmail) : folded;
  return withoutEmails
    .replace(RUN, (run) => maskPhonesInRun(run))
    .replace(DOTTED, maskDotted)
    .replace(LOCAL, starAllButLastTwoDigits);
}

/** A full-width or Arabic-Indic digit (or full-width "+", "-", brackets, space) as its ASCII self. */
function asciiOf(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return char.normalize('NFKC');
}

/** A dotted phone: a Russian one in the usual mask, any other with every digit but the last two starred. */
function maskDotted(span: string): string {
  const digits = span.replace(/\D/g, '');
  return isRussianPhone(digits, span.startsWith('+'), false) ? `+7 *** ***-**-${digits.slice(-2)}` : starAllButLastTwoDigits(span);
}

function maskEmail(address: string): string {
  const at = address.indexOf('@');
  return `${Array.from(address.slice(0, at))[0]}***${address.slice(at)}`;
}

/** Masks every phone inside one run of digit groups; a run may hold several numbers ("8999… 8916…"). */
function maskPhonesInRun(run: string): string {
  const groups = Array.from(run.matchAll(GROUP), (match) => ({
    digits: match[0],
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
  }));
  let masked = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < groups.length) {
    const phone = longestPhoneFrom(run, groups, i);
    if (phone === undefined) {
      i++;
      continue;
    }
    masked += run.slice(copiedUpTo, phone.start) + phone.mask;
    copiedUpTo = phone.end;
    i = phone.next;
  }
  return masked + run.slice(copiedUpTo);
}

/** The longest window of whole groups from group `first` that reads as a phone number, with its mask. */
function longestPhoneFrom(
  run: string,
  groups: Group[],
  first: number,
): { start: number; end: number; mask: string; next: number } | undefined {
  // A "+" or "(" right before the first digit is part of the number.
  let start = groups[first].start;
  while (start > 0 && (run[start - 1] === '+' || run[start - 1] === '(')) start--;
  const international = run.slice(start, groups[first].start).includes('+');
  let digits = '';
  let best: { end: number; mask: string; next: number } | undefined;
  // E.164 numbers have at most 15 digits; "+7" ones are Russian and have exactly 11.
  for (let last = first; last < groups.length && digits.length < 15; last++) {
    digits += groups[last].digits;
    const bracketedCode = run[groups[first].start - 1] === '(' && groups[first].digits.length === 3;
    if (isRussianPhone(digits, international, bracketedCode)) {
      best = { end: groups[last].end, mask: `+7 *** ***-**-${digits.slice(-2)}`, next: last + 1 };
    } else if ((international && digits[0] !== '7' && digits.length >= 10 && digits.length <= 15) || (!international && last === first && isForeignWithoutPlus(digits))) {
      const span = run.slice(start, groups[last].end);
      best = { end: groups[last].end, mask: starAllButLastTwoDigits(span), next: last + 1 };
    }
  }
  return best && { start, ...best };
}

function isRussianPhone(digits: string, international: boolean, bracketedCode: boolean): boolean {
  if (digits.length === 11) return international ? digits[0] === '7' : digits[0] === '7' || digits[0] === '8';
  // Ten digits without the country code: a mobile ("999…"), or a city number with its code in brackets.
  return !international && digits.length === 10 && (digits[0] === '9' || bracketedCode);
}

/**
 * A foreign number in international format written without "+" ("4915123456789", as WhatsApp ids are),
 * in one group of digits: 11–15 digits, a country code that cannot start with 0, and a North American
 * number ("1…") of exactly 11 digits with an area code of 2–9 (so millisecond timestamps are not one).
 */
function isForeignWithoutPlus(digits: string): boolean {
  if (digits.length < 11 || digits.length > 15) return false;
  if (digits[0] === '1') return digits.length === 11 && digits[1] >= '2';
  return digits[0] >= '2' && digits[0] <= '9';
}

function starAllButLastTwoDigits(span: string): string {
  let seen = 0;
  const total = span.replace(/\D/g, '').length;
  return span.replace(/\d/g, (digit) => (++seen > total - 2 ? digit : '*'));
}

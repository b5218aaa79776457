/**
 * The canonical text the `when` rules and chrono read: lowercase, ё → е, dashes unified, any other
 * symbol (emoji, control characters) a space, typos and slang rewritten ("завтро" → "завтра",
 * "вечерком" → "вечером", "шести" → "6"). Every canonical character remembers where it came from,
 * so spans found here map back to the original text exactly.
 */

import { FUZZY_TARGETS, NOT_TYPOS, REWRITES } from './lexicon';

/** The canonical text with a map back to the original. */
export interface CanonicalText {
  text: string;
  /** For each canonical character: the original offset where it starts. */
  startAt: number[];
  /** For each canonical character: the original offset where it ends (exclusive). */
  endAt: number[];
  /** Canonical spans of words corrected by edit distance (the extractor is less sure there). */
  fuzzy: Array<{ start: number; end: number }>;
}

const KEPT_SYMBOLS = new Set([':', '.', '-', '/', ',', ';', '!', '?', '(', ')', '+', '%', '₽', '№', '#']);
const DASHES = new Set(['–', '—', '−', '‐', '‑']);

function isLetter(code: number): boolean {
  return (code >= 0x430 && code <= 0x44f) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** One character of the original, cleaned; always one UTF-16 unit so offsets stay 1:1. */
function cleanChar(ch: string): string {
  // Most characters are lowercase letters, digits and spaces already: skip the case mapping for them.
  const first = ch.charCodeAt(0);
  if (isLetter(first) || isDigit(first)) return ch;
  if (first === 0x20) return ' ';
  let c = ch.toLowerCase();
  if (c.length !== 1) c = ch;
  if (c === 'ё') return 'е';
  const code = c.charCodeAt(0);
  if (isLetter(code) || isDigit(code)) return c;
  if (DASHES.has(c)) return '-';
  if (KEPT_SYMBOLS.has(c)) return c;
  return ' ';
}

/**
 * Optimal string alignment distance, abandoned as soon as it exceeds `max` (the only question
 * asked here is "one typo or not", so the full matrix is never needed).
 */
export function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = [];
  for (let i = 0; i < rows; i++) {
    d.push(new Array<number>(cols).fill(0));
    d[i][0] = i;
  }
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[i - 2][j - 2] + 1);
      }
      d[i][j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
  }
  return d[a.length][b.length] <= max;
}

/**
 * Words already compared with the fuzzy targets. Each long word costs an edit distance against every
 * target with its first letter, and guests reuse their words; bounded, since any text reaches here.
 */
const fuzzyMemo = new Map<string, string | null>();
const MAX_FUZZY_MEMO = 10_000;

/** The fuzzy target a word is one typo away from, if any (same first letter, 6+ letters). */
function fuzzyTarget(word: string): string | null {
  if (word.length < 6 || NOT_TYPOS.has(word)) return null;
  let target = fuzzyMemo.get(word);
  if (target === undefined) {
    target = nearestFuzzyTarget(word);
    if (fuzzyMemo.size >= MAX_FUZZY_MEMO) fuzzyMemo.clear();
    fuzzyMemo.set(word, target);
  }
  return target;
}

function nearestFuzzyTarget(word: string): string | null {
  for (const target of FUZZY_TARGETS) {
    if (target[0] === word[0] && editDistanceAtMost(word, target, 1)) return target;
  }
  return null;
}

/**
 * Builds the canonical text of the first `maxLength` characters of `original`.
 *
 * @example canonicalize('Завтро ВЕЧЕРКОМ', 100).text // "завтра вечером"
 */
export function canonicalize(original: string, maxLength: number): CanonicalText {
  const limit = Math.min(original.length, maxLength);
  let cleaned = '';
  for (let i = 0; i < limit; i++) cleaned += cleanChar(original[i]);

  const out: string[] = [];
  const startAt: number[] = [];
  const endAt: number[] = [];
  const fuzzy: Array<{ start: number; end: number }> = [];
  let length = 0;

  let i = 0;
  while (i < cleaned.length) {
    if (!isLetter(cleaned.charCodeAt(i))) {
      out.push(cleaned[i]);
      startAt.push(i);
      endAt.push(i + 1);
      length++;
      i++;
      continue;
    }
    let j = i;
    while (j < cleaned.length && isLetter(cleaned.charCodeAt(j))) j++;
    const word = cleaned.slice(i, j);
    let replacement: string | undefined = REWRITES[word];
    if (replacement === undefined) {
      const target = fuzzyTarget(word);
      if (target !== null) {
        replacement = target;
        fuzzy.push({ start: length, end: length + target.length });
      }
    }
    if (replacement === undefined || replacement === word) {
      for (let k = i; k < j; k++) {
        out.push(cleaned[k]);
        startAt.push(k);
        endAt.push(k + 1);
      }
      length += j - i;
    } else {
      for (const ch of replacement) {
        out.push(ch);
        startAt.push(i);
        endAt.push(j);
      }
      length += replacement.length;
    }
    i = j;
  }
  separateHourFromDate(out, startAt, endAt, fuzzy);
  return { text: out.join(''), startAt, endAt, fuzzy };
}

/** An hour or a time followed by a date: «до 16 3 декабря», «в 10:30 3 декабря». */
const HOUR_THEN_DATE = /(?<![\d:])(?:\d{1,2}:\d{2}|\d{1,2})(?= \d{1,2} (?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр))/g;

/**
 * «с 12 до 16 3 декабря» is an hour range and a date: a comma after the hour keeps the two numbers from
 * reading as one date (it was 16 December). The comma maps to the space after the hour in the original.
 */
function separateHourFromDate(out: string[], startAt: number[], endAt: number[], fuzzy: Array<{ start: number; end: number }>): void {
  const text = out.join('');
  const at = [...text.matchAll(HOUR_THEN_DATE)].map((m) => (m.index ?? 0) + m[0].length).reverse();
  for (const index of at) {
    out.splice(index, 0, ',');
    startAt.splice(index, 0, startAt[index]);
    endAt.splice(index, 0, endAt[index]);
    for (const f of fuzzy) {
      if (f.start >= index) f.start++;
      if (f.end > index) f.end++;
    }
  }
}

/** Maps a canonical span back to the original text's offsets. */
export function toOriginal(canon: CanonicalText, start: number, end: number): { start: number; end: number } {
  return { start: canon.startAt[start], end: canon.endAt[end - 1] };
}

/**
 * Regex helpers for the canonical text: Cyrillic-aware word boundaries (JavaScript's `\b` only
 * knows Latin letters) and a guarded global match loop.
 */

/** Left and right word boundaries for the canonical text (Cyrillic-aware, unlike `\b`). */
export const L = '(?<![а-яa-z0-9])';
export const R = '(?![а-яa-z0-9])';

/** Runs a global regex over the text and yields each match (guarded against empty matches). */
export function* scan(re: RegExp, text: string): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    yield m;
  }
}

/** The span of a match without leading and trailing spaces. */
export function trimmedSpan(m: RegExpExecArray): { start: number; end: number } {
  const raw = m[0];
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  return { start: m.index + lead, end: m.index + raw.length - trail };
}

/**
 * Regex helpers for the canonical text: Cyrillic-aware word boundaries (JavaScript's `\b` only
 * knows Latin letters) and a guarded global match loop.
 */

/** Left and right word boundaries for the canonical text (Cyrillic-aware, unlike `\b`). */
export const L = '(?<![а-яa-z0-9])';
export const R = '(?![а-яa-z0-9])';

/**
 * The global twin of each rule's regex, compiled once: building a RegExp per message and rule was
 * half of the extractor's time. Rules are module constants, so the map stays small.
 */
const globals = new WeakMap<RegExp, RegExp>();

function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (g === undefined) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    globals.set(re, g);
  }
  return g;
}

/**
 * Every match of a regex in the text, in order (guarded against empty matches). The matches are
 * collected before returning, so the shared global regex is free again when the caller reads them.
 */
export function scan(re: RegExp, text: string): RegExpExecArray[] {
  const g = globalOf(re);
  const out: RegExpExecArray[] = [];
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    out.push(m);
  }
  g.lastIndex = 0;
  return out;
}

/** The span of a match without leading and trailing spaces. */
export function trimmedSpan(m: RegExpExecArray): { start: number; end: number } {
  const raw = m[0];
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  return { start: m.index + lead, end: m.index + raw.length - trail };
}

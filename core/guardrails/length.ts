/**
 * The length cap: a guest's message longer than the cap is cut, so that no later stage (NLU, FAQ
 * retrieval, an LLM prompt) works on a wall of text, and the guest is told that only the start was read.
 */

/** Messages are cut to this many characters (code points). */
export const MAX_MESSAGE_CHARS = 2000;

/** A message after the cap. */
export interface CappedText {
  /** The message, or its first `max` characters (cut at a word boundary when one is near). */
  text: string;
  /** True when the message was cut. */
  truncated: boolean;
  /** The length of the message as received, in code points. */
  originalLength: number;
}

/**
 * Cuts a message to `max` code points. When a space falls within the last 10 % before the cut, the
 * cut moves back to it so that no word is broken; an emoji is never split. Non-strings give ''.
 *
 * @example
 * capLength('а'.repeat(2500)).truncated // true
 * capLength('запишите на маникюр')      // { text: 'запишите на маникюр', truncated: false, originalLength: 19 }
 */
export function capLength(text: string, max: number = MAX_MESSAGE_CHARS): CappedText {
  const value = typeof text === 'string' ? text : '';
  // A quick exit: a string shorter than `max` UTF-16 units is shorter than `max` code points too.
  if (value.length <= max) return { text: value, truncated: false, originalLength: countCodePoints(value) };
  const points = Array.from(value);
  if (points.length <= max) return { text: value, truncated: false, originalLength: points.length };
  let cut = max;
  const floor = Math.floor(max * 0.9);
  for (let i = max; i > floor; i--) {
    if (/\s/.test(points[i])) {
      cut = i;
      break;
    }
  }
  return { text: points.slice(0, cut).join('').trimEnd(), truncated: true, originalLength: points.length };
}

function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

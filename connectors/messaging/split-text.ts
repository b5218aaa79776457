/**
 * Splits a long message into parts a messenger accepts (Telegram and WhatsApp take 4,096 characters).
 */

/** Telegram's limit for a message text, in UTF-16 code units (WhatsApp's text body has the same). */
export const MAX_MESSAGE_LENGTH = 4096;

/**
 * Parts of at most `max` UTF-16 code units, cut at a paragraph, then a line, then a sentence, then a
 * space, and only as a last resort inside a word (never inside a surrogate pair). Parts are trimmed;
 * an empty text gives no parts.
 *
 * @example
 * splitText('a'.repeat(5000)).map((p) => p.length); // [4096, 904]
 */
export function splitText(text: string, max = MAX_MESSAGE_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    const part = rest.slice(0, cut).trimEnd();
    if (part) parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  // A cut in the second half of the window keeps parts from being tiny.
  const floor = Math.floor(max / 2);
  for (const separator of ['\n\n', '\n', '. ', ' ']) {
    const at = window.lastIndexOf(separator, max - separator.length);
    if (at >= floor) return at + separator.length;
  }
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

import { SLIP_TOLERANT_LENGTH, sameWord } from './one-slip';

export type Candidate = { value: string; word: string };
/** The words of an enum, folded and longest first (built once per word table: slot definitions live as long as the flows). */
const candidatesOf = new WeakMap<Record<string, string[]>, Candidate[]>();

/** The enum value whose words occur in the text (lowercase, ё→е), longest word first. */
export function enumValue(values: Record<string, string[]>, text: string): string | undefined {
  return enumMatch(values, text)?.value;
}

/** The enum value found in the text, with the word that means it. */
export function enumMatch(values: Record<string, string[]>, text: string): Candidate | undefined {
  let candidates = candidatesOf.get(values);
  if (!candidates) {
    candidates = Object.entries(values).flatMap(([value, words]) => [value.replace(/_/g, ' '), ...words].map((w) => ({ value, word: w.toLowerCase().replace(/ё/g, 'е') })));
    candidates.sort((a, b) => b.word.length - a.word.length);
    candidatesOf.set(values, candidates);
  }
  if (candidates.length === 0) return undefined;
  const folded = ` ${foldWords(text)} `;
  const exact = candidates.find((c) => folded.includes(` ${c.word} `) || (c.word.length >= 5 && folded.includes(` ${c.word}`)));
  if (exact) return exact;
  // «без разниы», «все равнл»: the words of a phrase typed with a slip each (long words only).
  const words = folded.trim().split(' ');
  return candidates.find((c) => {
    const phrase = c.word.split(' ');
    if (!phrase.some((w) => w.length >= SLIP_TOLERANT_LENGTH)) return false;
    for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, j) => sameWord(words[i + j], w))) return true;
    return false;
  });
}

/** A text as value words are matched in it: lowercase, ё as е, anything but letters and digits a space. */
export function foldWords(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/**
 * Finds every place where a catalog phrase occurs in the message: consecutive words, each standing
 * for the phrase's word (itself, a form of it or a typo), with no sentence break in between.
 */
import type { Phrase, PhraseSet } from './phrases';
import { joined, type Token } from './text';

/** A phrase found over tokens `first..last` (inclusive); confidence includes typos. */
export interface Candidate {
  phrase: Phrase;
  first: number;
  last: number;
  confidence: number;
  /** Some word matched only as a typo. */
  typo: boolean;
  /** A master's name came right after a word that points at a master. */
  cued?: true;
}

/** All occurrences of all phrases, overlapping ones included. */
export function findCandidates(text: string, tokens: readonly Token[], hits: ReadonlyArray<ReadonlyMap<number, number>>, set: PhraseSet): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const [word, score] of hits[i]) {
      for (const phrase of set.byFirstWord.get(word) ?? []) {
        let confidence = phrase.confidence * score;
        let typo = score < 1;
        let k = 1;
        for (; k < phrase.words.length; k++) {
          const j = i + k;
          if (j >= tokens.length || !joined(text, tokens[j - 1], tokens[j])) break;
          const s = hits[j].get(phrase.words[k]);
          if (s === undefined) break;
          confidence *= s;
          typo ||= s < 1;
        }
        if (k === phrase.words.length) found.push({ phrase, first: i, last: i + k - 1, confidence, typo });
      }
    }
  }
  return found;
}

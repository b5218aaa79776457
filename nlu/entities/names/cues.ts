/**
 * The words before a name that say whose name it is: "на имя", "зовут", "для", "на", "запишите", a
 * kinship noun ("маму, Тамару"), or a master cue ("к Ольге", "мастеру Ольге") that rules it out.
 */

import type { GrammaticalCase } from './decline';
import { readRelation, relationGender } from './lexicon';

/** What the words before a name say about it. */
export interface Cue {
  kind: 'booking' | 'self' | 'relation' | 'master' | 'none';
  /** Confidence of a name found after this cue. */
  confidence: number;
  /** The cases a name after this cue is expected in; empty when any case will do. */
  expects: GrammaticalCase[];
  /** True for cues after which an unknown word is still taken as a name ("на имя Снежаны"). */
  strong: boolean;
  /** The gender of the relation noun before the name («для подруги, Валентина» is a woman's name). */
  gender?: 'f' | 'm';
}

const NONE: Cue = { kind: 'none', confidence: 0.6, expects: [], strong: false };

// Words that put a master, a companion or a place before a name: "к Ольге", "у Марины", "с Ирой".
const MASTER_WORDS = new Set(['к', 'ко', 'у', 'с', 'со', 'мастер', 'мастера', 'мастеру', 'мастером', 'топ', 'стилист', 'стилисту', 'бровист', 'бровисту', 'лешмейкер', 'лешмейкеру']);
const SELF_WORDS = new Set(['зовут', 'это', 'я']);
// Politeness and filler words between a cue and the name: "запишите пожалуйста Ирину".
const FILLERS = new Set(['пожалуйста', 'пожалуйсто', 'плиз', 'плз', 'пж', 'пжл', 'пжлст', 'также', 'тоже', 'еще', 'ещё', 'мне', 'нам', 'вот']);
const BOOK_VERB = /^(запиш|запис)/;

/**
 * Reads the cue in `words` (the words of the sentence before a name, nearest last, already folded).
 *
 * @example
 * readCue(['запишите', 'на', 'имя']) // booking cue expecting the genitive
 * readCue(['к'])                     // master cue: not the guest's name
 */
export function readCue(allWords: readonly string[]): Cue {
  const words = [...allWords];
  while (words.length > 0 && FILLERS.has(words[words.length - 1])) words.pop();
  const previous = words.at(-1);
  if (previous === undefined) return NONE;
  const beforeThat = words.at(-2);
  if (MASTER_WORDS.has(previous)) return { kind: 'master', confidence: 0, expects: [], strong: false };
  if (previous === 'имя') {
    return beforeThat === 'на'
      ? { kind: 'booking', confidence: 0.95, expects: ['gen', 'nom'], strong: true }
      : { kind: 'booking', confidence: 0.95, expects: ['nom'], strong: true };
  }
  if (previous === 'зовут') return { kind: 'self', confidence: 0.9, expects: ['nom'], strong: true };
  if (SELF_WORDS.has(previous)) return { kind: 'self', confidence: 0.85, expects: ['nom'], strong: false };
  if (previous === 'для') return { kind: 'booking', confidence: 0.9, expects: ['gen'], strong: false };
  if (previous === 'на') return { kind: 'booking', confidence: 0.85, expects: ['acc'], strong: false };
  if (BOOK_VERB.test(previous)) return { kind: 'booking', confidence: 0.9, expects: ['acc', 'nom'], strong: false };
  const relation = readRelation(previous);
  if (relation !== undefined) {
    // "к маме Ирине" is still a master cue; otherwise the name stands in apposition to the noun.
    if (beforeThat !== undefined && MASTER_WORDS.has(beforeThat)) return { kind: 'master', confidence: 0, expects: [], strong: false };
    const gender = relationGender(previous);
    return { kind: 'relation', confidence: 0.9, expects: relation, strong: false, ...((gender === 'f' || gender === 'm') && { gender }) };
  }
  return NONE;
}

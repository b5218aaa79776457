/**
 * Russian personal names: the first-name lexicon with its declension, patronymics, surnames and the
 * cues that tell whose name a word is. Used by the guest-name extractor.
 */

// The lexicon
export { FIRST_NAMES, type FirstName, type NameGender } from './first-names';
export { readFirstName, readRelation, fold, type FirstNameReading } from './lexicon';
export { declineName, type GrammaticalCase, type WordForm } from './decline';

// Other parts of a full name
export { readPatronymic, type PatronymicReading } from './patronymic';
export { readSurname, type SurnameReading } from './surname';
export { guessNominative } from './guess';

// Context
export { readCue, type Cue } from './cues';

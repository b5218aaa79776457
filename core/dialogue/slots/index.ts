/** How the words of a message answer a slot: enum words, free text, denials, hesitations. */
export { awaitedValue, awaitedWord } from './awaited-value';
export { withoutDenied } from './denial';
export { enumValue, foldWords } from './enum-match';
export { hasLetters, leftover } from './free-text';
export { holdsTheFloor, onlyHesitates } from './hesitation';
export { refinedWhen } from './when-refinement';
export { editedList } from './list-edit';
export { tellingWords } from './story';
export { oneSlipApart, sameWord } from './one-slip';

/**
 * Text normalisation for the Russian NLU: one canonical string for the intent classifier and one
 * offset-preserving fold for entity extractors.
 */

// The two entry points
export { normaliseForClassifier, MAX_CLASSIFIER_CHARS } from './classifier';
export { fixKeyboardLayout, foldForMatching } from './fold';

// Building blocks other NLU parts may reuse
export { convertLayout, cyrillicOnSameKey } from './layout';
export { transliterate, transliterationCandidates } from './translit';
export { collapseRepeats } from './repeats';
export { EMOJI_WORDS, NEGATIVE_EMOJI_TOKEN } from './emoji';
export { afterGreeting } from './greeting';
export { englishPlausibility, russianPlausibility } from './plausibility';

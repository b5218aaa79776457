/** The claim-support check of grounded answers: see claim-support.ts. */
export { checkClaims, unsupportedClaims, DEFAULT_MIN_ANCHOR, DEFAULT_MIN_COVERAGE, type ClaimCheckOptions, type ClaimFailure, type ClaimProblem, type ClaimSource, type SentenceVerdict } from './claim-support';
export { faqClaimProblems, type FaqClaimContext } from './faq-claims';
export { polarityOf, isCondition, type PolarityAxis, type PolarityClaim } from './polarity';
export { contentStems, StemSet } from './content-words';
export { splitSentences, statementPart } from './sentences';

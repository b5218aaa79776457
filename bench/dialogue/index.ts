/** The dialogue bench's parts, for bench/dialogue.ts and its test. */
export { GOAL_KINDS, type GoalKind, type Goal } from './goal-types';
export { findOverlap, normalise, trainedPhrases } from './overlap';
export { loadPhraseBank, type PhraseBank } from './phrases';
export { compact, printReport } from './report';
export { runConversation, type Judged } from './run';
export { judge } from './judge';
export { writeFailures } from './transcript';
export { openWorld, type World } from './world';

/** The dialogue policy's rules, one concern each; `../interpret.ts` tries them in order. */
export { answerToPending } from './pending-answer';
export { handOverRule } from './hand-over';
export { holdTheFloorRule } from './hold-the-floor';
export { stopRule, saysStop } from './stop';
export { switchFlowRule } from './switch-flow';
export { digressionRule, DIGRESSIONS } from './digression';
export { slotAnswerRule } from './slot-answer';
export { outsideFlowRule } from './outside-flow';

/** The parts of the training-stability benchmark (bench/stability.ts). */
export { compareRuns } from './compare';
export { checkTrainingDeterminism } from './determinism';
export { readStabilityExamples, withExample } from './examples';
export { formatCauses, formatTable, formatTotals, type ExampleResult } from './report';
export { loadStabilitySuite, runSuite, trainNlu } from './suite';

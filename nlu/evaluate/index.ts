// Measuring the NLU: metrics, hold-out evaluation and cross-validation.
export { crossValidate, evaluateIntents, type IntentEvaluation } from './evaluate';
export { evaluatePredictions, type Confusion, type EvaluationReport, type IntentMetrics, type Prediction } from './metrics';

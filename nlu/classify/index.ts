// Intent classification: a calibrated softmax regression over embedder vectors.
export { expectedCalibrationError, fitTemperature } from './calibrate';
export { IntentClassifier, type IntentClassifierOptions, type LabelledText } from './intent-classifier';
export { SoftmaxRegression, type SerialisedSoftmax, type SoftmaxTrainingOptions } from './softmax-regression';
export { toFeatureRow, type FeatureRow } from './feature-rows';

// Reproducible randomness for training and cross-validation
export { seededRandom, shuffle } from './random';

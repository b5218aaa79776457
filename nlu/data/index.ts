// Training data in the Rasa NLU YAML format.
export { parseAnnotatedExample, type AnnotatedEntity, type ParsedExample } from './annotations';
export { NluDataError, parseRasaNlu, readRasaNluFile } from './rasa-yaml';
export { intentsOf, type TrainingData, type TrainingExample } from './training-data';

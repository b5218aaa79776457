import type { AnnotatedEntity } from './annotations';

/** One labelled example, with the line it stands on in its file. */
export interface TrainingExample {
  intent: string;
  text: string;
  entities: AnnotatedEntity[];
  file: string;
  line?: number;
}

/** Training data in the shape of Rasa NLU: examples, synonyms, lookup tables and regexes. */
export interface TrainingData {
  examples: TrainingExample[];
  /** Canonical value → the surface forms that mean it. */
  synonyms: Array<{ value: string; texts: string[] }>;
  lookups: Array<{ name: string; elements: string[] }>;
  regexes: Array<{ name: string; patterns: string[] }>;
}

/** The intents present in the data, in first-seen order. */
export function intentsOf(data: Pick<TrainingData, 'examples'>): string[] {
  return [...new Set(data.examples.map((e) => e.intent))];
}

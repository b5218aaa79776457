import { join } from 'node:path';
import { loadCatalog, type Catalog } from '../../salon/catalog';
import { Nlu, readRasaNluFile, type TrainingData } from '../../nlu';

/** The shipped content folder. */
export const CONTENT_DIR = join(__dirname, '..', '..', 'content');

let catalog: Catalog | undefined;
let training: TrainingData | undefined;
let nlu: Promise<Nlu> | undefined;

/** The shipped catalog, loaded once per test run. */
export function shippedCatalog(): Catalog {
  return (catalog ??= loadCatalog(join(CONTENT_DIR, 'catalog.yaml')));
}

/** The shipped training data, loaded once per test run. */
export function shippedTraining(): TrainingData {
  return (training ??= readRasaNluFile(join(CONTENT_DIR, 'intents.yaml')));
}

/** An NLU trained on the shipped content, once per test run (training takes about a second). */
export function shippedNlu(): Promise<Nlu> {
  return (nlu ??= Nlu.train({ training: shippedTraining(), catalog: shippedCatalog() }));
}

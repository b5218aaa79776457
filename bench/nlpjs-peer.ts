/**
 * nlp.js (@nlpjs/nlp with @nlpjs/lang-ru), trained on the same examples: the peer the benchmark
 * compares against. Only used by the benchmark; a dev dependency.
 */
// nlp.js ships no TypeScript types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { containerBootstrap } = require('@nlpjs/core');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Nlp } = require('@nlpjs/nlp');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LangRu } = require('@nlpjs/lang-ru');

export interface PeerClassifier {
  classify(text: string): Promise<{ intent: string; score: number }>;
}

/** Trains nlp.js on labelled texts, as its README shows, with autosave and logging off. */
export async function trainNlpJs(examples: Array<{ text: string; intent: string }>): Promise<PeerClassifier> {
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangRu);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.settings.log = false;
  nlp.addLanguage('ru');
  for (const { text, intent } of examples) nlp.addDocument('ru', text, intent);
  // nlp.js's neural network prints every epoch through console.log; keep the benchmark's output readable.
  const log = console.log;
  console.log = () => undefined;
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  return {
    async classify(text) {
      const result = await nlp.process('ru', text);
      return { intent: result.intent === 'None' ? 'nlu_fallback' : result.intent, score: result.score ?? 0 };
    },
  };
}

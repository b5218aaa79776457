import { expect } from 'chai';
import { IntentClassifier, expectedCalibrationError } from '../../../nlu/classify';
import { createSparseEmbedder } from '../../../nlu/embed';

const EXAMPLES = [
  ['запишите на маникюр', 'booking'], ['хочу записаться на стрижку', 'booking'], ['можно на педикюр в субботу', 'booking'],
  ['запись на брови', 'booking'], ['хочу на ноготочки', 'booking'], ['запишите меня пожалуйста', 'booking'],
  ['привет', 'greet'], ['здравствуйте', 'greet'], ['добрый день', 'greet'], ['хай', 'greet'], ['доброе утро', 'greet'], ['приветики', 'greet'],
  ['спасибо', 'thanks'], ['спс', 'thanks'], ['благодарю', 'thanks'], ['спасибо большое', 'thanks'], ['огромное спасибо', 'thanks'], ['сенкс', 'thanks'],
] as const;

describe('IntentClassifier', () => {
  const embedder = createSparseEmbedder();
  embedder.fit(EXAMPLES.map(([text]) => text));
  const vectors = EXAMPLES.map(([text]) => embedder.embedSync(text));
  const intents = EXAMPLES.map(([, intent]) => intent as string);

  it('ranks every intent with confidences that sum to one, most likely first', () => {
    const classifier = IntentClassifier.trainOnVectors(vectors, intents);
    const ranking = classifier.rank(embedder.embedSync('запишите на маникюрчик'));
    expect(ranking.map((r) => r.name)).to.have.members(['booking', 'greet', 'thanks']);
    expect(ranking[0].name).to.equal('booking');
    expect(ranking.reduce((sum, r) => sum + r.confidence, 0)).to.be.closeTo(1, 1e-9);
    expect(ranking[0].confidence).to.be.greaterThan(ranking[1].confidence);
  });

  it('is deterministic: the same data trains the same model', () => {
    const a = IntentClassifier.trainOnVectors(vectors, intents).toJSON();
    const b = IntentClassifier.trainOnVectors(vectors, intents).toJSON();
    expect(a).to.deep.equal(b);
  });

  it('survives a JSON round trip with identical predictions', () => {
    const classifier = IntentClassifier.trainOnVectors(vectors, intents);
    const restored = IntentClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.toJSON())));
    for (const text of ['спасибо огромное', 'привет', 'на брови можно']) {
      expect(restored.rank(embedder.embedSync(text))).to.deep.equal(classifier.rank(embedder.embedSync(text)));
    }
    expect(restored.temperature).to.equal(classifier.temperature);
  });

  it('fits a softmax temperature on held-out folds', () => {
    const classifier = IntentClassifier.trainOnVectors(vectors, intents, { calibrationFolds: 3 });
    expect(classifier.temperature).to.be.greaterThan(0).and.not.equal(1);
  });

  it('is unsure about words it has never seen', () => {
    const classifier = IntentClassifier.trainOnVectors(vectors, intents);
    const [top] = classifier.rank(embedder.embedSync('квантовая хромодинамика'));
    expect(top.confidence).to.be.below(0.8);
  });
});

describe('expectedCalibrationError', () => {
  it('is zero when confidence matches accuracy and grows with over-confidence', () => {
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).to.be.closeTo(0, 1e-9);
    expect(expectedCalibrationError([0.99, 0.99], [true, false])).to.be.closeTo(0.49, 1e-9);
  });
});

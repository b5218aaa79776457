import { expect } from 'chai';
import { evaluatePredictions } from '../../../nlu/evaluate';

const p = (expected: string, predicted: string, text = `${expected}→${predicted}`) => ({ text, expected, predicted, confidence: 1 });

describe('evaluatePredictions', () => {
  const report = evaluatePredictions([
    p('booking', 'booking'), p('booking', 'booking'), p('booking', 'faq', 'сколько стоит записаться'),
    p('faq', 'faq'), p('faq', 'booking', 'на маникюр цена'), p('greet', 'greet'),
  ]);

  it('computes accuracy and macro-F1 over the expected intents', () => {
    expect(report.accuracy).to.equal(0.6667);
    expect(report.perIntent.booking).to.deep.equal({ precision: 0.6667, recall: 0.6667, f1: 0.6667, support: 3 });
    expect(report.perIntent.faq).to.deep.equal({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(report.perIntent.greet).to.deep.equal({ precision: 1, recall: 1, f1: 1, support: 1 });
    expect(report.macroF1).to.equal(Math.round(((0.6667 + 0.5 + 1) / 3) * 10000) / 10000);
  });

  it('lists confused pairs with examples, most frequent first', () => {
    expect(report.confusions).to.deep.equal([
      { expected: 'booking', predicted: 'faq', count: 1, examples: ['сколько стоит записаться'] },
      { expected: 'faq', predicted: 'booking', count: 1, examples: ['на маникюр цена'] },
    ]);
  });
});

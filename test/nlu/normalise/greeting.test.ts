import { expect } from 'chai';
import { afterGreeting } from '../../../nlu/normalise';

describe('afterGreeting', () => {
  it('gives the words after the greeting a message opens with', () => {
    expect(afterGreeting('здравствуйте хочу пожаловаться на ваш салон')).to.equal('хочу пожаловаться на ваш салон');
    expect(afterGreeting('добрый день девочки запишите на маникюр')).to.equal('запишите на маникюр');
    expect(afterGreeting('ну привет можно записаться')).to.equal('можно записаться');
  });

  it('is null for a greeting alone or with a single word after it', () => {
    expect(afterGreeting('добрый день')).to.equal(null);
    expect(afterGreeting('привет девочки')).to.equal(null);
    expect(afterGreeting('здравствуйте помогите')).to.equal(null);
  });

  it('is null for a message that does not open with a greeting', () => {
    expect(afterGreeting('день рождения у меня есть скидка')).to.equal(null);
    expect(afterGreeting('хочу записаться')).to.equal(null);
  });
});
